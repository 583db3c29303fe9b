namespace Feedback.Core.Scoring;

/// <summary>Where a score query's answers were counted.</summary>
public enum ScoreSource
{
    /// <summary>The per-day rollups: one property dimension at most, sends included.</summary>
    Rollups,
    /// <summary>The raw answers, for queries on two properties at once; sends are unknown.</summary>
    Responses,
}

/// <summary>
/// One UTC day of answers (histogram) and sends, or the days of one series bucket (or of the whole period) summed and
/// dated by their first day; <see cref="Answered"/> of the answers answer a sent survey.
/// </summary>
public sealed record DayTotals(DateOnly Day, long[] Histogram, long Sent, long Answered = 0);

/// <summary>
/// What a score query read, before any maths: the matching answers per day and, when grouped, per group value.
/// <see cref="HasSent"/> is false when the sends are unknown (computed from raw responses, which hold no sends).
/// </summary>
public sealed record ScoreData(IReadOnlyList<DayTotals> Days, IReadOnlyList<GroupTotals> Groups, bool HasSent, ScoreSource Source)
{
    public long[] Histogram()
    {
        var total = Histograms.Empty();
        foreach (var day in Days)
        {
            Histograms.AddTo(total, day.Histogram);
        }
        return total;
    }

    public long Sent => Days.Sum(d => d.Sent);

    public long Answered => Days.Sum(d => d.Answered);
}
