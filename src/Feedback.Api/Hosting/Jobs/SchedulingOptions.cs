namespace Feedback.Api.Hosting.Jobs;

/// <summary>Section <c>Feedback:Scheduling</c>: whether this process runs the Quartz jobs.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Feedback:Scheduling";

    /// <summary>
    /// Runs the jobs (dispatch, reminders, expiry and retention, webhook delivery). Off, they are built but never fire:
    /// for tests that drive Core's services themselves.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
