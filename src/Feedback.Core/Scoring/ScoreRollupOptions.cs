namespace Feedback.Core.Scoring;

/// <summary>Settings of the score rollups (<see cref="SectionName"/>); the stores read them as <see cref="RollupPairs"/>.</summary>
public sealed class ScoreRollupOptions
{
    public const string SectionName = "Feedback:Scores";

    /// <summary>
    /// Up to <see cref="RollupPairs.MaxProperties"/> property names, comma-separated (<c>category,agent</c>), whose pairs
    /// the rollups count. Empty (the default): none, and a query on two properties reads the raw answers.
    /// </summary>
    public string? PairProperties { get; set; }
}
