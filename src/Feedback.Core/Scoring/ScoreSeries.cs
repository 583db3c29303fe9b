namespace Feedback.Core.Scoring;

public enum SeriesInterval { Day, Week, Month }

/// <summary>Series buckets: UTC days, ISO weeks (starting Monday) or calendar months.</summary>
public static class ScoreSeries
{
    /// <summary>The first day of the bucket holding <paramref name="day"/>.</summary>
    public static DateOnly BucketStart(DateOnly day, SeriesInterval interval) => interval switch
    {
        SeriesInterval.Day => day,
        SeriesInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        SeriesInterval.Month => new DateOnly(day.Year, day.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    /// <summary>
    /// The starts of every bucket that overlaps [from, to), in order; the first and last may be partial (a week bucket
    /// of a period starting on a Wednesday still starts on the Monday before).
    /// </summary>
    public static IReadOnlyList<DateOnly> BucketStarts(DateOnly from, DateOnly to, SeriesInterval interval)
    {
        var starts = new List<DateOnly>();
        for (var start = BucketStart(from, interval); start < to; start = Next(start, interval))
        {
            starts.Add(start);
        }
        return starts;
    }

    /// <summary>Whether the bucket starting at <paramref name="start"/> reaches outside [from, to): only part of it is counted.</summary>
    public static bool IsPartial(DateOnly start, DateOnly from, DateOnly to, SeriesInterval interval) =>
        start < from || Next(start, interval) > to;

    private static DateOnly Next(DateOnly start, SeriesInterval interval) => interval switch
    {
        SeriesInterval.Day => start.AddDays(1),
        SeriesInterval.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };
}
