using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>A 95 % confidence interval.</summary>
public sealed record Interval(double Low, double High);

/// <summary>
/// The figures of one set of answers. <see cref="Score"/> is null and there is no interval when there are no answers
/// (and for CES with one answer), so nothing is ever NaN or infinite. <see cref="Variance"/> is the variance of one
/// answer in score units (NPS: of ±100/0 per answer; CSAT: of 100/0; CES: the sample variance), for comparisons.
/// </summary>
public sealed record ScoreSummary
{
    public const int SmallSample = 30;

    public required SurveyKind Kind { get; init; }
    public required long Responses { get; init; }
    public double? Score { get; init; }
    public long Promoters { get; init; }
    public long Passives { get; init; }
    public long Detractors { get; init; }
    public long Satisfied { get; init; }
    public double? Mean { get; init; }
    public Interval? Confidence95 { get; init; }
    public double? Variance { get; init; }

    public bool IsSmallSample => Responses < SmallSample;
}

/// <summary>NPS, CSAT and CES from a histogram of scores (<see cref="ScoreRollup.HistogramLength"/> counts, index = score).</summary>
public static class ScoreMath
{
    public static ScoreSummary Summarize(SurveyKind kind, IReadOnlyList<long> histogram) => kind switch
    {
        SurveyKind.Nps => Nps(histogram),
        SurveyKind.Csat => Csat(histogram),
        SurveyKind.Ces => Ces(histogram),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>%promoters (9–10) − %detractors (0–6); score ± 1.96·100·√((p+d−(p−d)²)/n), kept within ±100.</summary>
    public static ScoreSummary Nps(IReadOnlyList<long> h)
    {
        long promoters = Count(h, 9, 10), passives = Count(h, 7, 8), detractors = Count(h, 0, 6);
        var n = promoters + passives + detractors;
        var summary = new ScoreSummary
        {
            Kind = SurveyKind.Nps, Responses = n, Promoters = promoters, Passives = passives, Detractors = detractors,
        };
        if (n == 0)
        {
            return summary;
        }
        double p = (double)promoters / n, d = (double)detractors / n;
        var score = 100 * (p - d);
        var variance = 100 * 100 * Math.Max(0, p + d - (p - d) * (p - d));
        var half = StudentT.Z975 * Math.Sqrt(variance / n);
        return summary with
        {
            Score = score,
            Variance = variance,
            Confidence95 = new Interval(Math.Max(-100, score - half), Math.Min(100, score + half)),
        };
    }

    /// <summary>% of answers 4–5 (of 1–5), with the Wilson score interval.</summary>
    public static ScoreSummary Csat(IReadOnlyList<long> h)
    {
        long satisfied = Count(h, 4, 5), n = Count(h, 1, 5);
        var summary = new ScoreSummary { Kind = SurveyKind.Csat, Responses = n, Satisfied = satisfied };
        if (n == 0)
        {
            return summary;
        }
        var p = (double)satisfied / n;
        const double z2 = StudentT.Z975 * StudentT.Z975;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = StudentT.Z975 * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return summary with
        {
            Score = 100 * p,
            Variance = 100 * 100 * p * (1 - p),
            Confidence95 = new Interval(100 * Math.Max(0, centre - half), 100 * Math.Min(1, centre + half)),
        };
    }

    /// <summary>Mean of 1–7; mean ± t(0.975, n−1)·s/√n with the sample variance s², kept within 1–7 (no interval for one answer).</summary>
    public static ScoreSummary Ces(IReadOnlyList<long> h)
    {
        var n = Count(h, 1, 7);
        var summary = new ScoreSummary { Kind = SurveyKind.Ces, Responses = n };
        if (n == 0)
        {
            return summary;
        }
        double sum = 0;
        for (var s = 1; s <= 7; s++)
        {
            sum += s * (double)h[s];
        }
        var mean = sum / n;
        summary = summary with { Score = mean, Mean = mean };
        if (n == 1)
        {
            return summary;
        }
        double squares = 0;
        for (var s = 1; s <= 7; s++)
        {
            squares += h[s] * (s - mean) * (s - mean);
        }
        var variance = squares / (n - 1);
        var half = StudentT.Quantile975(n - 1) * Math.Sqrt(variance / n);
        return summary with { Variance = variance, Confidence95 = new Interval(Math.Max(1, mean - half), Math.Min(7, mean + half)) };
    }

    public static long Count(IReadOnlyList<long> histogram, int min, int max)
    {
        long count = 0;
        for (var s = min; s <= max && s < histogram.Count; s++)
        {
            count += histogram[s];
        }
        return count;
    }
}
