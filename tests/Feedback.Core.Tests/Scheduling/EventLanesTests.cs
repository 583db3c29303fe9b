using Feedback.Core.Scheduling;
using Feedback.Core.Surveys;

namespace Feedback.Core.Tests.Scheduling;

public sealed class EventLanesTests
{
    private static FeedbackEvent Event(string id, string subject, string customer, string? email) =>
        new(id, "ticket.resolved", DateTimeOffset.UnixEpoch, subject, new Customer(customer, email), new Dictionary<string, string>());

    [Fact]
    public void Unrelated_events_get_a_lane_each()
    {
        var lanes = EventLanes.Split([Event("e1", "s1", "c1", "a@x.io"), Event("e2", "s2", "c2", "b@x.io"), Event("e3", "s3", "c3", "c@x.io")]);

        Assert.Equal(3, lanes.Count);
    }

    [Fact]
    public void Events_sharing_a_subject_customer_email_or_id_share_a_lane_in_batch_order()
    {
        var lanes = EventLanes.Split(
        [
            Event("e0", "s0", "c0", "a@x.io"),
            Event("e1", "s1", "c1", "b@x.io"),
            Event("e2", "s0", "c2", "c@x.io"),   // subject of e0
            Event("e3", "s3", "c1", "d@x.io"),   // customer of e1
            Event("e4", "s4", "c4", "C@X.io"),   // e-mail of e2 (normalized), so with e0 too
            Event("e1", "s5", "c5", "e@x.io"),   // id of e1
            Event("e6", "s6", "c6", "f@x.io"),
        ]);

        Assert.Equal([[0, 2, 4], [1, 3, 5], [6]], lanes.Select(l => l.ToArray()).ToArray());
    }

    [Fact]
    public void Events_without_an_address_share_a_lane_only_by_subject_customer_or_id()
    {
        // Link surveys need no address: customers without one must not all fall into one lane.
        var lanes = EventLanes.Split([Event("e0", "s0", "c0", null), Event("e1", "s1", "c1", null), Event("e2", "s2", "c0", null)]);

        Assert.Equal([[0, 2], [1]], lanes.Select(l => l.ToArray()).ToArray());
    }
}
