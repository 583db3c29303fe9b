using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// <c>/u/{token}</c>, the link in the e-mail footer and in its <c>List-Unsubscribe</c> header. GET only asks; POST
/// suppresses the address, from the confirm form and from a mail provider's RFC 8058 one-click post alike.
/// </summary>
public static class UnsubscribePages
{
    public const string Reason = "unsubscribe";
    public const string Source = "link";

    public static async Task<HtmlPage> ConfirmAsync(string token, HttpRequest request, ISurveyStore surveys, CancellationToken ct) =>
        await FindAsync(token, surveys, ct) is { } survey
            ? AnswerPages.UnsubscribeConfirm(survey.Locale, survey.Token, request.PathBase)
            : AnswerPages.NotFound(request);

    /// <summary>
    /// The body is not read: RFC 8058 posts carry <c>List-Unsubscribe=One-Click</c> (form-encoded or multipart), our form
    /// posts the same, and the token alone decides. Unsubscribing again is harmless (the first reason stays).
    /// </summary>
    public static async Task<HtmlPage> UnsubscribeAsync(
        string token, HttpRequest request, ISurveyStore surveys, ISuppressionStore suppressions, TimeProvider time,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (await FindAsync(token, surveys, ct) is not { Customer.Email: { } email } survey)
        {
            return AnswerPages.NotFound(request);
        }
        var added = await suppressions.AddAsync(
            new Suppression(Emails.Normalize(email), Reason, Source, time.GetUtcNow()), ct);
        if (added)
        {
            // The survey id, never the address: logs are not the place for personal data.
            loggers.CreateLogger(typeof(UnsubscribePages)).LogInformation("The recipient of survey {SurveyId} unsubscribed", survey.Id);
        }
        return AnswerPages.Unsubscribed(survey.Locale);
    }

    // Only a token that was e-mailed opens the page (a link survey's was not); an expired survey's link still unsubscribes.
    private static async Task<Survey?> FindAsync(string token, ISurveyStore surveys, CancellationToken ct) =>
        token.Length is > 0 and <= 100
        && await surveys.GetByTokenAsync(token, ct) is
            { Delivery: SurveyDelivery.Email, Status: SurveyStatus.Sent or SurveyStatus.Answered or SurveyStatus.Expired } survey
            ? survey
            : null;
}
