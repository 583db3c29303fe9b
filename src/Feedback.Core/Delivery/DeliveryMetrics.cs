using System.Diagnostics;
using System.Diagnostics.Metrics;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Delivery;

/// <summary>The service's own delivery instruments (meter <see cref="MeterName"/>), exported by OpenTelemetry.</summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "Feedback";

    /// <summary>Spans of ingest and dispatch; HttpClient spans of the SendGrid calls nest under dispatch.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> _scheduled;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _undeliverable;
    private readonly Counter<long> _confirmed;
    private readonly Histogram<double> _lag;
    private long _outboxDepth;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _scheduled = meter.CreateCounter<long>("feedback.surveys.scheduled", "{survey}", "Surveys scheduled from events and direct sends.");
        _sent = meter.CreateCounter<long>("feedback.surveys.sent", "{survey}", "Surveys accepted by the mail provider.");
        _undeliverable = meter.CreateCounter<long>("feedback.surveys.undeliverable", "{survey}", "Surveys that ended failed or suppressed instead of sent.");
        _confirmed = meter.CreateCounter<long>("feedback.surveys.confirmed", "{survey}",
            "Surveys in doubt after a crash that the provider's events confirmed as sent (so they were not sent again).");
        _lag = meter.CreateHistogram<double>("feedback.dispatch.lag", "s", "How late a survey was sent after its sendAt.");
        meter.CreateObservableGauge("feedback.outbox.depth", () => Interlocked.Read(ref _outboxDepth), "{survey}",
            "Surveys scheduled or being sent, as counted after the last dispatch run.");
    }

    public void OutboxDepth(long depth) => Interlocked.Exchange(ref _outboxDepth, depth);

    public void Scheduled(SurveyKind kind, int count) => _scheduled.Add(count, Tag(kind));

    public void Sent(SurveyKind kind, TimeSpan lag)
    {
        _sent.Add(1, Tag(kind));
        _lag.Record(Math.Max(0, lag.TotalSeconds), Tag(kind));
    }

    public void Confirmed(SurveyKind kind, TimeSpan lag)
    {
        _confirmed.Add(1, Tag(kind));
        Sent(kind, lag);
    }

    public void Undeliverable(SurveyStatus status) =>
        _undeliverable.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    private static KeyValuePair<string, object?> Tag(SurveyKind kind) => new("kind", kind.ToString().ToLowerInvariant());
}
