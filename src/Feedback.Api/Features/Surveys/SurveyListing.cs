using Feedback.Api.Hosting.Errors;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Surveys;

/// <summary>The survey list and cancel-by-subject, which both work on filters rather than one id.</summary>
public static class SurveyListing
{
    public static async Task<Results<Ok<SurveyList>, ValidationProblem>> ListAsync(
        ISurveyStore surveys, CancellationToken ct, string? status = null, string? templateId = null, string? subjectId = null,
        string? customerId = null, string? cursor = null, int limit = PageCursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        SurveyStatus? statusFilter = null;
        if (status is not null)
        {
            if (EnumNames.TryParse<SurveyStatus>(status, out var parsed))
            {
                statusFilter = parsed;
            }
            else
            {
                errors.Add("status", $"must be {EnumNames.List<SurveyStatus>()}");
            }
        }
        var after = Paging.Validate(cursor, limit, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = await surveys.ListAsync(new SurveyQuery(statusFilter, templateId, subjectId, customerId, after, limit), ct);
        return TypedResults.Ok(new SurveyList(page.Items.Select(SurveyDeliveryResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<CancelledSurveys>, ValidationProblem>> CancelBySubjectAsync(
        ISurveyStore surveys, TimeProvider time, CancellationToken ct, string? subjectId = null)
    {
        if (string.IsNullOrWhiteSpace(subjectId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subjectId"] = ["is required"] });
        }
        return TypedResults.Ok(new CancelledSurveys(await surveys.CancelPendingBySubjectAsync(subjectId, null, time.GetUtcNow(), ct)));
    }
}
