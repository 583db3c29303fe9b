using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>What a score query gave: one of the nested cases, and no other.</summary>
public abstract record ScoreResult
{
    private ScoreResult()
    {
    }

    public sealed record Computed(ScoreReport Report) : ScoreResult;

    /// <summary>The query names a template that does not exist.</summary>
    public sealed record TemplateNotFound : ScoreResult;

    /// <summary>The query names a template of another kind (<see cref="TemplateKind"/>) than it asks for.</summary>
    public sealed record TemplateOfOtherKind(SurveyKind TemplateKind) : ScoreResult;
}
