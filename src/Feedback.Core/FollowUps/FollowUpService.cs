using Feedback.Core.Storage;

namespace Feedback.Core.FollowUps;

/// <summary>What a PATCH asks: each field null leaves it as it is; an empty <see cref="Assignee"/> unassigns.</summary>
public sealed record FollowUpPatch(FollowUpStatus? Status, string? Assignee, (string Author, string Text)? Note);

public enum FollowUpUpdateProblem
{
    /// <summary>No follow-up has this id (404).</summary>
    NotFound,
    /// <summary>If-Match named another version than the stored one (412).</summary>
    Stale,
    /// <summary>The follow-up is resolved and the patch moves it to another status (409).</summary>
    ResolvedIsFinal,
}

/// <summary>The follow-up as changed, or why it was not (with <see cref="FollowUpUpdateProblem.Stale"/>, the stored one).</summary>
public sealed record FollowUpUpdate(FollowUp? FollowUp, FollowUpUpdateProblem? Problem);

/// <summary>What people and the overdue job do with follow-ups: status, assignee, notes, overdue marks, and the figures.</summary>
public sealed class FollowUpService(IFollowUpStore store, IEnumerable<IFollowUpListener> listeners, FollowUpMetrics metrics, TimeProvider time)
{
    public const int MaxAssigneeLength = 200;
    public const int MaxAuthorLength = 200;
    public const int MaxNoteLength = 2000;
    /// <summary>Overdue follow-ups marked per batch of a run.</summary>
    public const int OverdueBatch = 500;
    private const int MaxAttempts = 10;

    /// <summary>
    /// Applies <paramref name="patch"/> to the stored version if <paramref name="ifMatch"/> allows its ETag (else
    /// <see cref="FollowUpUpdateProblem.Stale"/>); a change in between is retried against the new version, which the
    /// precondition then judges again. Status moves freely except out of <see cref="FollowUpStatus.Resolved"/>;
    /// <c>resolvedAt</c> is set when it becomes resolved.
    /// </summary>
    public async Task<FollowUpUpdate> UpdateAsync(string id, Func<string, bool> ifMatch, FollowUpPatch patch, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await store.GetAsync(id, ct) is not { } stored)
            {
                return new(null, FollowUpUpdateProblem.NotFound);
            }
            if (!ifMatch(stored.ETag))
            {
                return new(stored, FollowUpUpdateProblem.Stale);
            }
            if (stored.Status == FollowUpStatus.Resolved && patch.Status is { } status && status != FollowUpStatus.Resolved)
            {
                return new(null, FollowUpUpdateProblem.ResolvedIsFinal);
            }
            var updated = Apply(stored, patch, time.GetUtcNow());
            if (await store.ReplaceAsync(updated, stored.Version, ct))
            {
                if (updated.Status == FollowUpStatus.Resolved && stored.Status != FollowUpStatus.Resolved)
                {
                    await listeners.TellAsync(updated, FollowUpEvent.Resolved, ct);
                }
                return new(updated, null);
            }
        }
        return new(null, FollowUpUpdateProblem.Stale);
    }

    private static FollowUp Apply(FollowUp stored, FollowUpPatch patch, DateTimeOffset now)
    {
        var status = patch.Status ?? stored.Status;
        return stored with
        {
            Status = status,
            Assignee = patch.Assignee is null ? stored.Assignee : patch.Assignee.Length == 0 ? null : patch.Assignee,
            Notes = patch.Note is { } note ? [.. stored.Notes, new FollowUpNote(now, note.Author, note.Text)] : stored.Notes,
            ResolvedAt = status == FollowUpStatus.Resolved ? stored.ResolvedAt ?? now : null,
            UpdatedAt = now,
            Version = stored.Version + 1,
        };
    }

    /// <summary>
    /// Marks every follow-up past its due time and not resolved as overdue, and tells the listeners once per follow-up
    /// (the store marks each in one call only); then refreshes the open and overdue gauges. Returns how many it marked.
    /// </summary>
    public async Task<int> MarkOverdueAsync(CancellationToken ct = default)
    {
        await store.FinishPendingAsync(ct);
        var marked = 0;
        IReadOnlyList<FollowUp> batch;
        do
        {
            batch = await store.MarkOverdueAsync(time.GetUtcNow(), OverdueBatch, ct);
            foreach (var followUp in batch)
            {
                await listeners.TellAsync(followUp, FollowUpEvent.Overdue, ct);
            }
            marked += batch.Count;
        }
        while (batch.Count == OverdueBatch);
        var (open, overdue) = await store.CountUnresolvedAsync(ct);
        metrics.Unresolved(open, overdue);
        return marked;
    }

    /// <summary>The close-the-loop figures of the follow-ups created in the query's period.</summary>
    public async Task<FollowUpStats> StatsAsync(FollowUpStatsQuery query, CancellationToken ct = default)
    {
        var tally = new FollowUpStats.Tally();
        await foreach (var followUp in store.StreamAsync(query, ct))
        {
            tally.Add(followUp);
        }
        return tally.ToStats();
    }
}
