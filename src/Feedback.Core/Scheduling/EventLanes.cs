using Feedback.Core.Common;
using Feedback.Core.Surveys;

namespace Feedback.Core.Scheduling;

/// <summary>
/// Splits a batch of events into lanes that cannot affect one another, so lanes may be ingested concurrently while each
/// lane keeps the batch order. Events share a lane when they share an event id (idempotency), a subject (cancelOn,
/// dedupe), a customer (quiet period, dedupe) or an e-mail address (suppression).
/// </summary>
public static class EventLanes
{
    /// <summary>Lanes of indexes into <paramref name="events"/>, each in ascending (batch) order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<FeedbackEvent> events)
    {
        var parent = Enumerable.Range(0, events.Count).ToArray();
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            foreach (var key in new[] { $"e:{e.Id}", $"s:{e.SubjectId}", $"c:{e.Customer.Id}", e.Customer.Email is { } email ? $"m:{Emails.Normalize(email)}" : $"c:{e.Customer.Id}" })
            {
                if (owners.TryGetValue(key, out var other))
                {
                    parent[Root(parent, i)] = Root(parent, other);
                }
                else
                {
                    owners[key] = i;
                }
            }
        }
        return Enumerable.Range(0, events.Count).GroupBy(i => Root(parent, i)).Select(g => (IReadOnlyList<int>)g.ToList()).ToList();
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
