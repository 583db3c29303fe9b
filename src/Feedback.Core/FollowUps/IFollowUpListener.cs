namespace Feedback.Core.FollowUps;

/// <summary>What happened to a follow-up: the outbound webhook events <c>followup.created</c>, <c>.overdue</c>, <c>.resolved</c>.</summary>
public enum FollowUpEvent { Created, Overdue, Resolved }

/// <summary>Told after a follow-up was opened, marked overdue or resolved and stored, e.g. to queue webhooks or count it.</summary>
public interface IFollowUpListener
{
    Task FollowUpChangedAsync(FollowUp followUp, FollowUpEvent change, CancellationToken ct = default);
}

public static class FollowUpListeners
{
    public static async Task TellAsync(this IEnumerable<IFollowUpListener> listeners, FollowUp? followUp, FollowUpEvent change, CancellationToken ct)
    {
        if (followUp is null)
        {
            return;
        }
        foreach (var listener in listeners)
        {
            await listener.FollowUpChangedAsync(followUp, change, ct);
        }
    }
}
