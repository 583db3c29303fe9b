using System.Diagnostics.Metrics;
using Feedback.Core.Delivery;

namespace Feedback.Core.FollowUps;

/// <summary>Counts follow-ups opened and resolved, and gauges the open and overdue ones, on the service's meter.</summary>
public sealed class FollowUpMetrics : IFollowUpListener
{
    private readonly Counter<long> _opened;
    private readonly Counter<long> _resolved;
    private long _open;
    private long _overdue;

    public FollowUpMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(DeliveryMetrics.MeterName);
        _opened = meter.CreateCounter<long>("feedback.followups.opened", "{followup}", "Follow-ups opened by low answers, by kind.");
        _resolved = meter.CreateCounter<long>("feedback.followups.resolved", "{followup}", "Follow-ups resolved, by kind.");
        meter.CreateObservableGauge("feedback.followups.open", () => Interlocked.Read(ref _open), "{followup}",
            "Follow-ups not resolved, as counted after the last overdue run.");
        meter.CreateObservableGauge("feedback.followups.overdue", () => Interlocked.Read(ref _overdue), "{followup}",
            "Follow-ups not resolved and past their due time, as counted after the last overdue run.");
    }

    public void Unresolved(long open, long overdue)
    {
        Interlocked.Exchange(ref _open, open);
        Interlocked.Exchange(ref _overdue, overdue);
    }

    public Task FollowUpChangedAsync(FollowUp followUp, FollowUpEvent change, CancellationToken ct = default)
    {
        var kind = new KeyValuePair<string, object?>("kind", followUp.Kind.ToString().ToLowerInvariant());
        if (change == FollowUpEvent.Created)
        {
            _opened.Add(1, kind);
        }
        else if (change == FollowUpEvent.Resolved)
        {
            _resolved.Add(1, kind);
        }
        return Task.CompletedTask;
    }
}
