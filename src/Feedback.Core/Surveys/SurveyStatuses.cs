namespace Feedback.Core.Surveys;

/// <summary>
/// The sets of statuses the rules speak of, defined here once: every adapter renders its filters from them (SQL
/// <c>IN</c> lists, MongoDB <c>$in</c>), so a new status is placed in each set here and nowhere else. Each lists its
/// members in declaration order, so a rendered filter reads the same every time.
/// </summary>
public static class SurveyStatuses
{
    /// <summary>In the outbox: scheduled, or claimed and being sent. Their count is the outbox depth; one in doubt is one of these.</summary>
    public static readonly IReadOnlyList<SurveyStatus> Pending = [SurveyStatus.Scheduled, SurveyStatus.Sending];

    /// <summary>
    /// Ended without an answer: cancelled, expired, suppressed or failed. Nothing happens to them any more, so retention
    /// deletes them once old (the purge set); an answered survey is kept, its response refers to it.
    /// </summary>
    public static readonly IReadOnlyList<SurveyStatus> Terminal =
        [SurveyStatus.Cancelled, SurveyStatus.Expired, SurveyStatus.Suppressed, SurveyStatus.Failed];

    /// <summary>
    /// Never reached the customer and never will: cancelled, suppressed or failed. These alone do not start a template's
    /// quiet period; every other status, from scheduled to expired, blocks it (<see cref="BlocksQuietPeriod"/>).
    /// </summary>
    public static readonly IReadOnlyList<SurveyStatus> OutsideQuietPeriod = [SurveyStatus.Cancelled, SurveyStatus.Suppressed, SurveyStatus.Failed];

    /// <summary>How the owner of a claim may end a survey it could not deliver.</summary>
    public static readonly IReadOnlyList<SurveyStatus> Undeliverable = [SurveyStatus.Suppressed, SurveyStatus.Failed];

    /// <summary>Whether a survey in this status keeps the customer from another survey of its template within the quiet period.</summary>
    public static bool BlocksQuietPeriod(SurveyStatus status) => !OutsideQuietPeriod.Contains(status);
}
