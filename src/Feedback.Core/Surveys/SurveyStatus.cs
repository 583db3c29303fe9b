namespace Feedback.Core.Surveys;

/// <summary><c>scheduled → sending → sent → answered</c>, or one of the terminal states.</summary>
public enum SurveyStatus
{
    Scheduled,
    Sending,
    Sent,
    Answered,
    Cancelled,
    Expired,
    Suppressed,
    Failed,
}
