using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// Rollup rows counted in memory from responses and sent surveys: what a rebuild writes. Memory grows with the rows
/// (templates × days × property values), not with the answers.
/// </summary>
public sealed class RollupTally
{
    private readonly Dictionary<(string Template, DateOnly Day, string Dimension, string Value), Row> _rows = [];

    public long Responses { get; private set; }
    public long Sent { get; private set; }

    public void AddResponse(SurveyResponse response)
    {
        Responses++;
        foreach (var row in RowsOf(response.TemplateId, response.Kind, RollupKeys.Day(response.AnsweredAt), response.Channel, response.Properties))
        {
            row.Histogram[response.Score]++;
        }
    }

    /// <summary>Counts a survey that was sent (it has <see cref="Survey.SentAt"/>, whatever happened since).</summary>
    public void AddSent(Survey survey)
    {
        var sentAt = survey.SentAt ?? throw new ArgumentException($"Survey '{survey.Id}' was not sent.", nameof(survey));
        Sent++;
        foreach (var row in RowsOf(survey.TemplateId, survey.Kind, RollupKeys.Day(sentAt), Channels.Email, survey.Properties))
        {
            row.Sent++;
        }
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
        }).ToList();

    private IEnumerable<Row> RowsOf(string templateId, SurveyKind kind, DateOnly day, string channel, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var (dimension, value) in RollupKeys.Dimensions(channel, properties))
        {
            var key = (templateId, day, dimension, value);
            if (!_rows.TryGetValue(key, out var row))
            {
                _rows[key] = row = new Row(kind);
            }
            yield return row;
        }
    }

    private sealed class Row(SurveyKind kind)
    {
        public SurveyKind Kind { get; } = kind;
        public long[] Histogram { get; } = new long[ScoreRollup.HistogramLength];
        public long Sent { get; set; }
    }
}
