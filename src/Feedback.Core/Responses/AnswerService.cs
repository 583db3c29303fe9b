using Feedback.Core.FollowUps;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Responses;

public enum AnswerProblem
{
    /// <summary>No survey has this token, or it was never sent (404).</summary>
    UnknownToken,
    /// <summary>The survey expired: answers are refused (410).</summary>
    Expired,
    /// <summary>The score is outside the kind's scale (400).</summary>
    InvalidScore,
    /// <summary>The comment is longer than <see cref="AnswerService.MaxCommentLength"/> (400).</summary>
    CommentTooLong,
    /// <summary>A reason that is not one of the template's codes, or one given twice (400).</summary>
    InvalidReason,
}

/// <summary>The survey behind a token, with its template, or why it cannot be answered.</summary>
public sealed record AnswerContext(Survey? Survey, SurveyTemplate? Template, AnswerProblem? Problem);

/// <summary>Answers given on the customer pages: one click records a score, the form adds or changes score and comment.</summary>
public sealed class AnswerService(
    ISurveyStore surveys,
    IResponseStore responses,
    ITemplateStore templates,
    TemplateVersions versions,
    IEnumerable<IResponseListener> listeners,
    IEnumerable<IFollowUpListener> followUpListeners,
    TimeProvider time)
{
    public const int MaxCommentLength = 2000;

    /// <summary>The survey a token opens, if it can still be answered.</summary>
    public async Task<AnswerContext> OpenAsync(string token, CancellationToken ct = default)
    {
        var survey = token.Length is > 0 and <= 100 ? await surveys.GetByTokenAsync(token, ct) : null;
        if (survey is null || survey.Status is not (SurveyStatus.Sent or SurveyStatus.Answered or SurveyStatus.Expired))
        {
            return new(null, null, AnswerProblem.UnknownToken);
        }
        var template = await versions.GetAsync(survey.TemplateId, survey.TemplateVersion, ct)
            ?? await templates.GetAsync(survey.TemplateId, ct);
        if (survey.Status == SurveyStatus.Expired || survey.ExpiresAt <= time.GetUtcNow())
        {
            return new(survey, template, AnswerProblem.Expired);
        }
        return new(survey, template, null);
    }

    /// <summary>The answer recorded for an answerable survey (to show it on a second visit), or null before the first.</summary>
    public async Task<SurveyResponse?> RecordedAsync(AnswerContext context, CancellationToken ct = default) =>
        context is { Problem: null, Survey: { Status: SurveyStatus.Answered } survey }
            ? await responses.GetAsync(SurveyResponse.IdForSurvey(survey.Id), ct)
            : null;

    /// <summary>
    /// Records the answer (the last one counts). <paramref name="comment"/> null keeps the comment already given (a
    /// one-click score change must not wipe it) and the reasons given with it; an empty or blank comment removes it.
    /// Otherwise <paramref name="reasons"/> replace the stored ones, kept only when the score is asked for reasons
    /// (<see cref="TemplateReasons.Keep"/>). Given reasons are checked either way: an unknown one is a 400.
    /// </summary>
    public async Task<(AnswerContext Context, SurveyResponse? Response)> AnswerAsync(
        string token, int score, string? comment, IReadOnlyList<string>? reasons = null, CancellationToken ct = default)
    {
        var context = await OpenAsync(token, ct);
        if (context.Problem is not null || context.Survey is not { } survey)
        {
            return (context, null);
        }
        if (!survey.Kind.IsValidScore(score))
        {
            return (context with { Problem = AnswerProblem.InvalidScore }, null);
        }
        if (comment is { Length: > MaxCommentLength })
        {
            return (context with { Problem = AnswerProblem.CommentTooLong }, null);
        }
        if (reasons is not null)
        {
            var errors = new ValidationErrors();
            TemplateReasons.Validate(context.Template?.Reasons, reasons, "reason", errors);
            if (!errors.IsValid)
            {
                return (context with { Problem = AnswerProblem.InvalidReason }, null);
            }
        }
        var now = time.GetUtcNow();
        var response = new SurveyResponse
        {
            Id = SurveyResponse.IdForSurvey(survey.Id),
            SurveyId = survey.Id,
            TemplateId = survey.TemplateId,
            Kind = survey.Kind,
            Score = score,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Reasons = context.Template?.Reasons?.Keep(score, reasons ?? []) ?? [],
            Locale = survey.Locale,
            CustomerId = survey.Customer.Id,
            SubjectId = survey.SubjectId,
            Channel = survey.Delivery == SurveyDelivery.Link ? Channels.Web : Channels.Email,
            Properties = survey.Properties,
            AnsweredAt = now,
            UpdatedAt = now,
        };
        // The comment to keep is the one stored when the answer is written, read inside the store's atomic step, not here.
        var (stored, replaced, opened) = await responses.AnswerSurveyAsync(
            response, keepComment: comment is null, new FollowUpSource(context.Template?.FollowUp, survey.Customer), ct);
        foreach (var listener in listeners)
        {
            await listener.ResponseRecordedAsync(stored, replaced, ct);
        }
        await followUpListeners.TellAsync(opened, FollowUpEvent.Created, ct);
        return (context, stored);
    }
}
