using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// One count moved in one rollup row: the row of <see cref="TemplateId"/> on <see cref="Day"/> for (<see cref="Dimension"/>,
/// <see cref="Value"/>), its histogram cell <see cref="Score"/> or, for a send (<see cref="Score"/> null), its sent count,
/// changed by <see cref="Change"/>: +1, or −1 where a changed answer takes its old count back. A missing row is created
/// with <see cref="Kind"/> and zero counts first. <see cref="RollupKeys"/> computes them; stores only add them up.
/// </summary>
public sealed record RollupDelta(string TemplateId, SurveyKind Kind, DateOnly Day, string Dimension, string Value, int? Score, int Change)
{
    public bool IsSend => Score is null;
}
