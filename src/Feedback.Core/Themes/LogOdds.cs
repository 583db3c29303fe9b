namespace Feedback.Core.Themes;

/// <summary>
/// The log-odds ratio with an informative Dirichlet prior, z-scored (Monroe, Colaresi &amp; Quinn 2008, "Fightin' Words",
/// equations 16, 18 and 19). Group i is the segment, group j the other comments; y counts of a term, n totals over all terms.
/// </summary>
public static class LogOdds
{
    /// <summary>
    /// δ = ln((yᵢ+α)/(nᵢ+α₀−yᵢ−α)) − ln((yⱼ+α)/(nⱼ+α₀−yⱼ−α)), σ² ≈ 1/(yᵢ+α) + 1/(yⱼ+α), z = δ/σ; α is the term's
    /// prior count and α₀ the prior's total. Positive when group i uses the term more.
    /// </summary>
    public static double Z(long segmentCount, long segmentTotal, long otherCount, long otherTotal, double prior, double priorTotal)
    {
        var delta = Math.Log((segmentCount + prior) / (segmentTotal + priorTotal - segmentCount - prior))
            - Math.Log((otherCount + prior) / (otherTotal + priorTotal - otherCount - prior));
        var variance = 1 / (segmentCount + prior) + 1 / (otherCount + prior);
        return delta / Math.Sqrt(variance);
    }

    /// <summary>How much of the data the prior weighs: a tenth of both groups' counts.</summary>
    public const double PriorShare = 0.1;

    /// <summary>
    /// With the language's own comments as the background corpus: the prior follows the share of the term in both groups
    /// together, and weighs a tenth of their counts (α = 0.1·(yᵢ+yⱼ), α₀ = 0.1·(nᵢ+nⱼ)). A term few comments use is pulled
    /// towards no difference; a prior as heavy as the data itself would also drown the clear themes of a small period.
    /// </summary>
    public static double Z(long segmentCount, long segmentTotal, long otherCount, long otherTotal) =>
        Z(segmentCount, segmentTotal, otherCount, otherTotal, PriorShare * (segmentCount + otherCount), PriorShare * (segmentTotal + otherTotal));
}
