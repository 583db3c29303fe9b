using Feedback.Core.Scoring;

namespace Feedback.Core.Storage;

/// <summary>
/// Score rollups. Core decides every count: <see cref="RollupKeys"/> returns the <see cref="RollupDelta"/>s of an answer
/// (<see cref="RollupKeys.OfAnswer"/>: a changed answer moves one count from the old score and day to the new one) or of a
/// send (<see cref="RollupKeys.OfSend"/>). The stores only add those deltas up, with the write they count and never on a
/// caller's request: the response store as it stores an answer, the survey outbox as it marks a survey sent (in that
/// write's transaction where the store has one; MongoDB's window is in docs/mongodb.md). Erasure does not change them.
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
