using System.ComponentModel.DataAnnotations;

namespace Feedback.Api.Hosting.Demo;

/// <summary>Demo data (section <c>Feedback:Demo</c>): <c>Seed=true</c> or <c>--demo</c> fills an empty store at start.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Feedback:Demo";

    public bool Seed { get; set; }

    /// <summary>How many answers to generate (NPS, CSAT and CES together).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Feedback:Demo:Answers must be between 1 and 1000000")]
    public int Answers { get; set; } = 20_000;

    /// <summary>How far back the answers go from now.</summary>
    [Range(1, 3660, ErrorMessage = "Feedback:Demo:Days must be between 1 and 3660")]
    public int Days { get; set; } = 180;
}
