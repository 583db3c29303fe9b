using Feedback.Api.Answers;
using Feedback.Api.ApiKeys;
using Feedback.Api.Auth;
using Feedback.Api.Backup;
using Feedback.Api.Customers;
using Feedback.Api.Dashboard;
using Feedback.Api.Delivery;
using Feedback.Api.Demo;
using Feedback.Api.DevMailbox;
using Feedback.Api.Errors;
using Feedback.Api.Events;
using Feedback.Api.Features.Themes;
using Feedback.Api.Operations;
using Feedback.Api.Responses;
using Feedback.Api.Scores;
using Feedback.Api.Security;
using Feedback.Api.Storage;
using Feedback.Api.Suppressions;
using Feedback.Api.Surveys;
using Feedback.Api.Templates;
using Feedback.Api.Webhooks;
using Feedback.Email.SendGrid;

var builder = WebApplication.CreateBuilder(DemoExtensions.WithoutDemoSwitch(args));

builder.AddFeedbackHost();
builder.AddTokenSafeLogging();
builder.Services.AddFeedbackStorage(builder.Configuration);
builder.Services.AddApiKeyAuth();
builder.Services.AddFeedbackRateLimits();
builder.AddDemoData(args);
builder.Services.AddFeedbackErrors();
builder.Services.AddFeedbackOpenApi();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddSurveyScheduling(builder.Configuration);
builder.Services.AddWebhooks();
builder.Services.AddAnswers();
builder.Services.AddThemes();
builder.Services.AddFeedbackTelemetry(builder.Configuration);

var app = builder.Build();

app.UseSecurityHeaders();
app.UseFeedbackErrors();
app.UseFeedbackRateLimits();
app.UseAuthentication();
app.UseAuthorization();

app.MapOperationsApi();
app.MapApiKeysApi();
app.MapTemplatesApi();
app.MapEventsApi();
app.MapSurveysApi();
app.MapResponsesApi();
app.MapScoresApi();
app.MapThemesApi();
app.MapSuppressionsApi();
app.MapCustomersApi();
app.MapBackupApi();
app.MapSendGridWebhook();
app.MapWebhooksApi();
app.MapDevMailboxApi();
app.MapAnswerPages();
app.MapDashboardApi();

return await app.RunUntilStoppedAsync();
