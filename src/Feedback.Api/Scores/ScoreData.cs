using Feedback.Core.Scoring;

namespace Feedback.Api.Scores;

/// <summary>One UTC day of answers (histogram) and sends.</summary>
public sealed record DayTotals(DateOnly Day, long[] Histogram, long Sent);

/// <summary>
/// What a score query read, before any maths: the matching answers per day and, when grouped, per group value.
/// <see cref="HasSent"/> is false when the sends are unknown (computed from raw responses, which hold no sends).
/// </summary>
public sealed record ScoreData(IReadOnlyList<DayTotals> Days, IReadOnlyList<GroupTotals> Groups, bool HasSent, string Source)
{
    public const string FromRollups = "rollups";
    public const string FromResponses = "responses";

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
}
