using Feedback.Api.Features.Answers;
using Feedback.Api.Features.ApiKeys;
using Feedback.Api.Features.Backup;
using Feedback.Api.Features.Customers;
using Feedback.Api.Features.Dashboard;
using Feedback.Api.Features.DevMailbox;
using Feedback.Api.Features.Events;
using Feedback.Api.Features.FollowUps;
using Feedback.Api.Features.Operations;
using Feedback.Api.Features.Responses;
using Feedback.Api.Features.Scores;
using Feedback.Api.Features.ProviderEvents;
using Feedback.Api.Features.Subscriptions;
using Feedback.Api.Features.Suppressions;
using Feedback.Api.Features.Surveys;
using Feedback.Api.Features.Templates;
using Feedback.Api.Features.Themes;

namespace Feedback.Api.Features;

public static class FeatureRoutes
{
    /// <summary>Every feature's routes: the REST API under /v1, SendGrid's inbound events, the customer pages and the dashboard.</summary>
    public static WebApplication MapFeedbackFeatures(this WebApplication app)
    {
        app.MapOperationsApi();
        app.MapApiKeysApi();
        app.MapTemplatesApi();
        app.MapEventsApi();
        app.MapSurveysApi();
        app.MapResponsesApi();
        app.MapScoresApi();
        app.MapThemesApi();
        app.MapFollowUpsApi();
        app.MapSuppressionsApi();
        app.MapCustomersApi();
        app.MapBackupApi();
        app.MapSendGridEventsApi();
        app.MapSubscriptionsApi();
        app.MapDevMailboxApi();
        app.MapAnswerPages();
        app.MapDashboardApi();
        return app;
    }
}
