using Feedback.Core.Storage;

namespace Feedback.Core.Scoring;

/// <summary>
/// Answers score queries: from the rollups when one property dimension is enough (<see cref="ScoreQuery.FitsRollups"/>) or
/// two listed ones (<see cref="ScoreQuery.FitsPairRollups"/>), otherwise from the raw answers; the previous period is read
/// the same way when asked for.
/// </summary>
public sealed class ScoreService(ITemplateStore templates, IScoreRollupStore rollups, IResponseStore responses, RollupPairs pairs)
{
    public async Task<ScoreResult> GetAsync(ScoreQuery query, CancellationToken ct = default)
    {
        if (query.TemplateId is { } templateId)
        {
            if (await templates.GetAsync(templateId, ct) is not { } template)
            {
                return new ScoreResult.TemplateNotFound();
            }
            if (template.Kind != query.Kind)
            {
                return new ScoreResult.TemplateOfOtherKind(template.Kind);
            }
        }
        var data = await ReadAsync(query, ct);
        var previous = query.CompareToPrevious ? await ReadAsync(query.Previous(), ct) : null;
        return new ScoreResult.Computed(ScoreReport.Build(query, data, previous));
    }

    private Task<ScoreData> ReadAsync(ScoreQuery q, CancellationToken ct) => q.FitsRollups || q.FitsPairRollups(pairs)
        ? RollupScoreReader.ReadAsync(rollups, q, ct)
        : ResponseScoreReader.ReadAsync(responses, q, ct);
}
