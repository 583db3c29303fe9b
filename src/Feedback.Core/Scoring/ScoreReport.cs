using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// The figures of a set of answers and, when known, of the surveys sent; <see cref="Answered"/> of the answers answer a
/// sent survey (<see cref="RollupKeys.AnswersSentSurvey"/>).
/// </summary>
public sealed record ScoreFigures(ScoreSummary Summary, long? Sent, long Answered)
{
    /// <summary>
    /// Answers to sent surveys per survey sent; null when the sends are unknown or none. Answers collected elsewhere
    /// count in the score, not here. Above 1 is possible (answers in the period to surveys sent before it); not clipped.
    /// </summary>
    public double? ResponseRate => Sent is > 0 ? (double)Answered / Sent.Value : null;
}

/// <summary>The figures of the UTC days [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record ScorePeriod(DateOnly From, DateOnly To, ScoreFigures Figures);

/// <summary>
/// One series bucket: <see cref="Start"/> is its first UTC day. <see cref="Partial"/>: the bucket reaches outside the
/// period (the first and last may), and only its days inside it are counted.
/// </summary>
public sealed record SeriesPoint(DateOnly Start, bool Partial, ScoreFigures Figures);

/// <summary>
/// One value of the group-by property; <see cref="IsOther"/> marks the sum of the groups after the top N,
/// <see cref="IsNone"/> the answers without a value (<see cref="ScoreGroups.None"/>).
/// </summary>
public sealed record ScoreGroup(string Key, ScoreFigures Figures, bool IsOther, bool IsNone);

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

    private static ScorePeriod PeriodOf(ScoreQuery q, ScoreData data) => new(q.From, q.To, FiguresOf(q.Kind, data));

    private static IReadOnlyList<SeriesPoint> SeriesOf(ScoreQuery q, ScoreData data)
    {
        if (q.Interval is not { } interval)
        {
            return [];
        }
        var days = data.Days.ToLookup(d => ScoreSeries.BucketStart(d.Day, interval));
        return ScoreSeries.BucketStarts(q.From, q.To, interval)
            .Select(start => new SeriesPoint(start, ScoreSeries.IsPartial(start, q.From, q.To, interval),
                FiguresOf(q.Kind, data with { Days = [.. days[start]] })))
            .ToList();
    }

    private static IReadOnlyList<ScoreGroup> GroupsOf(ScoreQuery q, ScoreData data)
    {
        if (q.GroupBy is not { } groupBy)
        {
            return [];
        }
        var order = groupBy == ResolutionTime.Property ? ResolutionTime.Buckets : null;
        var (groups, none) = ScoreGroups.Split(data, groupBy);
        var (top, other) = ScoreGroups.Rank(groups, q.Top, order);
        return top.Append(other).Append(none).OfType<GroupTotals>()
            .Select(g => new ScoreGroup(g.Key, FiguresOf(q.Kind, g.Histogram, data.HasSent, g.Sent, g.Answered), g == other, g == none))
            .ToList();
    }

    private static ScoreFigures FiguresOf(SurveyKind kind, ScoreData data) =>
        FiguresOf(kind, data.Histogram(), data.HasSent, data.Sent, data.Answered);

    private static ScoreFigures FiguresOf(SurveyKind kind, long[] histogram, bool hasSent, long sent, long answered) =>
        new(ScoreMath.Summarize(kind, histogram), hasSent ? sent : null, answered);
}
