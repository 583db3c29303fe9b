namespace Feedback.Core.Responses;

/// <summary>
/// Told after an answer was stored (e-mail answer, changed answer or an answer collected elsewhere), e.g. to queue
/// outbound webhooks. <paramref name="previous"/> is the answer it replaced, null for a new one.
/// </summary>
public interface IResponseListener
{
    Task ResponseRecordedAsync(SurveyResponse stored, SurveyResponse? previous, CancellationToken ct = default);
}
