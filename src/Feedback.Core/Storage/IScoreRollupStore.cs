using Feedback.Core.Scoring;

namespace Feedback.Core.Storage;

/// <summary>
/// Score rollups. They are written by the stores themselves, never by callers: the response store moves counts in
/// the same transaction as the answer (a changed answer moves one count from the old score and day to the new one),
/// the survey store counts a send when it marks a survey sent. Rows exist for the all dimension and for each property
/// of the answer (and survey) plus <see cref="ScoreRollup.ChannelDimension"/>, chosen by <see cref="RollupKeys"/>.
/// Erasure does not change them.
/// </summary>
public interface IScoreRollupStore
{
    /// <summary>
    /// The rows matching the query, in no particular order. A row whose counts a changed answer moved away may stay with
    /// all counts zero until the next rebuild; it adds nothing to any sum.
    /// </summary>
    Task<IReadOnlyList<ScoreRollup>> QueryAsync(RollupQuery query, CancellationToken ct = default);

    /// <summary>Recomputes every rollup from the stored responses and sent surveys, replacing what was there.</summary>
    Task<RollupRebuild> RebuildAsync(CancellationToken ct = default);
}
