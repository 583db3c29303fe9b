using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>The figures of a set of answers and, when known, of the surveys sent.</summary>
public sealed record ScoreFigures(ScoreSummary Summary, long? Sent)
{
    /// <summary>
    /// Answers per survey sent; null when the sends are unknown or none. Above 1 is possible (answers in the period to
    /// surveys sent before it); it is not clipped.
    /// </summary>
    public double? ResponseRate => Sent is > 0 ? (double)Summary.Responses / Sent.Value : null;
}

/// <summary>The figures of the UTC days [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record ScorePeriod(DateOnly From, DateOnly To, ScoreFigures Figures);

/// <summary>One series bucket: <see cref="Start"/> is its first UTC day (the first and last may reach outside the period).</summary>
public sealed record SeriesPoint(DateOnly Start, ScoreSummary Summary);

/// <summary>One value of the group-by property; <see cref="IsOther"/> marks the sum of the groups after the top N.</summary>
public sealed record ScoreGroup(string Key, ScoreFigures Figures, bool IsOther);

/// <summary>
/// A score query answered, with exact figures (rounding is for display): the period, its series and groups when asked,
/// and, with <see cref="ScoreQuery.CompareToPrevious"/>, the previous period and the change from it.
/// </summary>
public sealed record ScoreReport(
    SurveyKind Kind,
    ScorePeriod Period,
    ScoreSource Source,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyList<ScoreGroup> Groups,
    ScorePeriod? Previous,
    ScoreChange? Change)
{
    /// <summary>The report of what was read for <paramref name="q"/> and, when compared, for <see cref="ScoreQuery.Previous"/>.</summary>
    public static ScoreReport Build(ScoreQuery q, ScoreData data, ScoreData? previous)
    {
        var period = PeriodOf(q, data);
        var prior = previous is null ? null : PeriodOf(q.Previous(), previous);
        var change = prior is null ? null : ScoreComparison.Compare(period.Figures.Summary, prior.Figures.Summary);
        return new ScoreReport(q.Kind, period, data.Source, SeriesOf(q, data), GroupsOf(q, data), prior, change);
    }

    private static ScorePeriod PeriodOf(ScoreQuery q, ScoreData data) =>
        new(q.From, q.To, FiguresOf(q.Kind, data.Histogram(), data.HasSent, data.Sent));

    private static IReadOnlyList<SeriesPoint> SeriesOf(ScoreQuery q, ScoreData data)
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
        return buckets.Select(b => new SeriesPoint(b.Key, ScoreMath.Summarize(q.Kind, b.Value))).ToList();
    }

    private static IReadOnlyList<ScoreGroup> GroupsOf(ScoreQuery q, ScoreData data)
    {
        if (q.GroupBy is null)
        {
            return [];
        }
        var order = q.GroupBy == ResolutionTime.Property ? ResolutionTime.Buckets : null;
        var (top, other) = ScoreGroups.Rank(data.Groups, q.Top, order);
        return top.Append(other).OfType<GroupTotals>()
            .Select(g => new ScoreGroup(g.Key, FiguresOf(q.Kind, g.Histogram, data.HasSent, g.Sent), g == other))
            .ToList();
    }

    private static ScoreFigures FiguresOf(SurveyKind kind, long[] histogram, bool hasSent, long sent) =>
        new(ScoreMath.Summarize(kind, histogram), hasSent ? sent : null);
}
