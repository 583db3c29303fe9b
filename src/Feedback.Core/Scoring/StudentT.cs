namespace Feedback.Core.Scoring;

/// <summary>The two-sided 95 % quantile of Student's t distribution, t(0.975, df).</summary>
public static class StudentT
{
    public const double Z975 = 1.959963984540054;

    // Above this the Cornish–Fisher expansion is exact to ~1e-9, and the finite series would need df/2 terms.
    private const double SeriesLimit = 1000;

    /// <summary>t(0.975, df) for df ≥ 1 (fractional df are rounded down, which is conservative; ∞ gives 1.96).</summary>
    public static double Quantile975(double df)
    {
        if (double.IsNaN(df) || df < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(df), df, "needs at least one degree of freedom");
        }
        if (df > SeriesLimit)
        {
            return CornishFisher(df);
        }
        var nu = (int)Math.Floor(df);
        // P(|T| < t) rises with t: bisect for 0.95. t(0.975, 1) = 12.706 is the largest.
        double low = 0, high = 13;
        for (var i = 0; i < 64; i++)
        {
            var mid = (low + high) / 2;
            if (CentralProbability(mid, nu) < 0.95)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /// <summary>P(|T| &lt; t) for integer df, by the closed-form finite series (Abramowitz &amp; Stegun 26.7.3–4).</summary>
    public static double CentralProbability(double t, int df)
    {
        var theta = Math.Atan(t / Math.Sqrt(df));
        var sin = Math.Sin(theta);
        var cos2 = Math.Cos(theta) * Math.Cos(theta);
        if (df % 2 == 0)
        {
            // sinθ · (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(df−2)θ)
            double sum = 1, term = 1;
            for (var k = 2; k <= df - 2; k += 2)
            {
                term *= cos2 * (k - 1) / k;
                sum += term;
            }
            return sin * sum;
        }
        if (df == 1)
        {
            return 2 * theta / Math.PI;
        }
        // (2/π)(θ + sinθ·cosθ·(1 + (2/3)cos²θ + (2·4)/(3·5)cos⁴θ + … up to cos^(df−3)θ))
        double oddSum = 1, oddTerm = 1;
        for (var k = 2; k <= df - 3; k += 2)
        {
            oddTerm *= cos2 * k / (k + 1);
            oddSum += oddTerm;
        }
        return 2 / Math.PI * (theta + sin * Math.Cos(theta) * oddSum);
    }

    private static double CornishFisher(double df)
    {
        const double z = Z975;
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
        var g1 = (z3 + z) / 4;
        var g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        var g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        var g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
        return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
    }
}
