using System.Globalization;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Api.Scores;

/// <summary>Turns what was read into the response: the maths from Core, rounded for display.</summary>
public static class ScoreReport
{
    public static ScoreResponse Build(SurveyKind kind, ScoreQuery q, ScoreData data, ScoreData? previous)
    {
        var summary = ScoreMath.Summarize(kind, data.Histogram());
        var sent = data.HasSent ? data.Sent : (long?)null;
        var (prior, change) = previous is null ? (null, null) : Compare(kind, q.Previous(), summary, previous);
        return new ScoreResponse(
            kind.ToString().ToLowerInvariant(),
            Date(q.From),
            Date(q.To),
            summary.Responses,
            Round(kind, summary.Score),
            kind == SurveyKind.Nps ? summary.Promoters : null,
            kind == SurveyKind.Nps ? summary.Passives : null,
            kind == SurveyKind.Nps ? summary.Detractors : null,
            kind == SurveyKind.Csat ? summary.Satisfied : null,
            Round(kind, summary.Mean),
            Interval(kind, summary.Confidence95),
            summary.IsSmallSample,
            sent,
            Rate(summary.Responses, sent),
            data.Source,
            Series(kind, q, data),
            Groups(kind, q, data),
            prior,
            change);
    }

    private static (PreviousPeriodDto, ScoreChangeDto) Compare(SurveyKind kind, ScoreQuery q, ScoreSummary current, ScoreData data)
    {
        var summary = ScoreMath.Summarize(kind, data.Histogram());
        var sent = data.HasSent ? data.Sent : (long?)null;
        var change = ScoreComparison.Compare(current, summary);
        return (
            new PreviousPeriodDto(Date(q.From), Date(q.To), summary.Responses, Round(kind, summary.Score),
                Interval(kind, summary.Confidence95), summary.IsSmallSample, sent, Rate(summary.Responses, sent)),
            new ScoreChangeDto(Round(kind, change.Change), change.Significant));
    }

    private static IReadOnlyList<SeriesPointDto> Series(SurveyKind kind, ScoreQuery q, ScoreData data)
    {
        if (q.Interval is not { } interval)
        {
            return [];
        }
        var buckets = ScoreSeries.BucketStarts(q.From, q.To, interval).ToDictionary(s => s, _ => Histograms.Empty());
        foreach (var day in data.Days)
        {
            Histograms.AddTo(buckets[ScoreSeries.BucketStart(day.Day, interval)], day.Histogram);
        }
        return buckets.Select(b =>
        {
            var s = ScoreMath.Summarize(kind, b.Value);
            return new SeriesPointDto(Date(b.Key), s.Responses, Round(kind, s.Score));
        }).ToList();
    }

    private static IReadOnlyList<ScoreGroupDto> Groups(SurveyKind kind, ScoreQuery q, ScoreData data)
    {
        if (q.GroupBy is null)
        {
            return [];
        }
        var order = q.GroupBy == ResolutionTime.Property ? ResolutionTime.Buckets : null;
        var (top, other) = ScoreGroups.Rank(data.Groups, q.Top, order);
        return top.Append(other).OfType<GroupTotals>().Select(g => Group(kind, g, data.HasSent, g == other)).ToList();
    }

    private static ScoreGroupDto Group(SurveyKind kind, GroupTotals group, bool hasSent, bool isOther)
    {
        var s = ScoreMath.Summarize(kind, group.Histogram);
        var sent = hasSent ? group.Sent : (long?)null;
        return new ScoreGroupDto(group.Key, s.Responses, Round(kind, s.Score), Interval(kind, s.Confidence95),
            s.IsSmallSample, sent, Rate(s.Responses, sent), isOther);
    }

    // A response rate above 1 is possible (answers in the period to surveys sent before it); it is not clipped.
    private static double? Rate(long responses, long? sent) => sent is > 0 ? Math.Round((double)responses / sent.Value, 4) : null;

    // NPS and CSAT are percentages (one decimal); a CES mean needs two.
    private static double? Round(SurveyKind kind, double? value) => value is { } v ? Math.Round(v, kind == SurveyKind.Ces ? 2 : 1, MidpointRounding.AwayFromZero) : null;

    private static IntervalDto? Interval(SurveyKind kind, Interval? interval) =>
        interval is null ? null : new IntervalDto(Round(kind, interval.Low)!.Value, Round(kind, interval.High)!.Value);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
