using Feedback.Core.Surveys;

namespace Feedback.Core.Delivery;

/// <summary>Told after the dispatcher marked a survey failed (undeliverable, not suppressed), e.g. to queue a webhook.</summary>
public interface ISurveyFailureListener
{
    Task SurveyFailedAsync(Survey failed, CancellationToken ct = default);
}
