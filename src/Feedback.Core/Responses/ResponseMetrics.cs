using System.Diagnostics.Metrics;
using Feedback.Core.Delivery;

namespace Feedback.Core.Responses;

/// <summary>Counts answers by kind and channel, and changed answers, on the service's meter.</summary>
public sealed class ResponseMetrics : IResponseListener
{
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _changed;

    public ResponseMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(DeliveryMetrics.MeterName);
        _recorded = meter.CreateCounter<long>("feedback.responses", "{response}", "New answers, by kind and channel.");
        _changed = meter.CreateCounter<long>("feedback.responses.changed", "{response}", "Answers a customer changed.");
    }

    public Task ResponseRecordedAsync(SurveyResponse stored, SurveyResponse? previous, CancellationToken ct = default)
    {
        var kind = new KeyValuePair<string, object?>("kind", stored.Kind.ToString().ToLowerInvariant());
        if (previous is null)
        {
            _recorded.Add(1, kind, new KeyValuePair<string, object?>("channel", stored.Channel));
        }
        else
        {
            _changed.Add(1, kind);
        }
        return Task.CompletedTask;
    }
}
