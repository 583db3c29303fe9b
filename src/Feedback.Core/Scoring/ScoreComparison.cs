using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// How the score moved from the previous period: <see cref="Change"/> = current − previous, and whether that is
/// significant at 95 % (two-sided). Both null when either period has no score (for CES: fewer than two answers).
/// </summary>
public sealed record ScoreChange(double? Change, bool? Significant);

public static class ScoreComparison
{
    /// <summary>NPS: z on the difference with each period's variance; CSAT: two-proportion z (pooled); CES: Welch t.</summary>
    public static ScoreChange Compare(ScoreSummary current, ScoreSummary previous)
    {
        if (current.Score is not { } now || previous.Score is not { } before)
        {
            return new(null, null);
        }
        var change = now - before;
        if (current.Variance is not { } va || previous.Variance is not { } vb)
        {
            return new(change, null);
        }
        double n1 = current.Responses, n2 = previous.Responses;
        var (error, critical) = current.Kind switch
        {
            SurveyKind.Csat => (PooledProportionError(current, previous), StudentT.Z975),
            SurveyKind.Ces => (Math.Sqrt(va / n1 + vb / n2), StudentT.Quantile975(WelchDf(va / n1, vb / n2, n1, n2))),
            _ => (Math.Sqrt(va / n1 + vb / n2), StudentT.Z975),
        };
        if (error == 0 && current.Kind != SurveyKind.Csat)
        {
            // Neither period varies (all promoters, say): test against the spread of both periods taken together.
            (error, critical) = PooledError(current, previous);
        }
        return new(change, error > 0 && Math.Abs(change) / error > critical);
    }

    private static double PooledProportionError(ScoreSummary a, ScoreSummary b)
    {
        var pooled = (double)(a.Satisfied + b.Satisfied) / (a.Responses + b.Responses);
        return 100 * Math.Sqrt(pooled * (1 - pooled) * (1.0 / a.Responses + 1.0 / b.Responses));
    }

    private static double WelchDf(double ea, double eb, double n1, double n2) =>
        ea + eb == 0 ? n1 + n2 - 2 : Math.Max(1, (ea + eb) * (ea + eb) / (ea * ea / (n1 - 1) + eb * eb / (n2 - 1)));

    private static (double Error, double Critical) PooledError(ScoreSummary a, ScoreSummary b)
    {
        double n1 = a.Responses, n2 = b.Responses, n = n1 + n2;
        if (a.Kind == SurveyKind.Nps)
        {
            double p = (a.Promoters + b.Promoters) / n, d = (a.Detractors + b.Detractors) / n;
            return (100 * Math.Sqrt((p + d - (p - d) * (p - d)) * (1 / n1 + 1 / n2)), StudentT.Z975);
        }
        // CES with two constant periods: the sample variance of both together.
        var mean = (a.Score!.Value * n1 + b.Score!.Value * n2) / n;
        var variance = (n1 * Math.Pow(a.Score.Value - mean, 2) + n2 * Math.Pow(b.Score.Value - mean, 2)) / (n - 1);
        return (Math.Sqrt(variance * (1 / n1 + 1 / n2)), StudentT.Quantile975(n - 2));
    }
}
