using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// Rollup rows counted in memory from responses and sent surveys: what a rebuild writes. Memory grows with the rows
/// (templates × days × property values), not with the answers.
/// </summary>
public sealed class RollupTally(RollupPairs pairs)
{
    private readonly Dictionary<(string Template, DateOnly Day, string Dimension, string Value), Row> _rows = [];

    public long Responses { get; private set; }
    public long Sent { get; private set; }

    public void AddResponse(SurveyResponse response)
    {
        Responses++;
        Add(RollupKeys.OfAnswer(response, pairs: pairs));
    }

    /// <summary>Counts a survey that was sent (it has <see cref="Survey.SentAt"/>, whatever happened since).</summary>
    public void AddSent(Survey survey)
    {
        var sentAt = survey.SentAt ?? throw new ArgumentException($"Survey '{survey.Id}' was not sent.", nameof(survey));
        Sent++;
        Add(RollupKeys.OfSend(survey, sentAt, pairs));
    }

    public IReadOnlyList<ScoreRollup> ToRollups() =>
        _rows.Select(r => new ScoreRollup
        {
            TemplateId = r.Key.Template,
            Kind = r.Value.Kind,
            Day = r.Key.Day,
            Dimension = r.Key.Dimension,
            Value = r.Key.Value,
            Histogram = [.. r.Value.Histogram],
            Sent = r.Value.Sent,
            Answered = r.Value.Answered,
        }).ToList();

    // The same deltas the stores persist as answers and sends happen, so a rebuild cannot count by another rule.
    private void Add(IReadOnlyList<RollupDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            var key = (delta.TemplateId, delta.Day, delta.Dimension, delta.Value);
            if (!_rows.TryGetValue(key, out var row))
            {
                _rows[key] = row = new Row(delta.Kind);
            }
            if (delta.Score is { } score)
            {
                row.Histogram[score] += delta.Change;
                row.Answered += delta.SurveyAnswer ? delta.Change : 0;
            }
            else
            {
                row.Sent += delta.Change;
            }
        }
    }

    private sealed class Row(SurveyKind kind)
    {
        public SurveyKind Kind { get; } = kind;
        public long[] Histogram { get; } = new long[ScoreRollup.HistogramLength];
        public long Sent { get; set; }
        public long Answered { get; set; }
    }
}
