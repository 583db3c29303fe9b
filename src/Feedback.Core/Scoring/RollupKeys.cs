using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// Which rollup rows an answer or a send counts in, and by how much: the all row, <see cref="ScoreRollup.ChannelDimension"/>,
/// and one row per property whose value is worth a breakdown. The stores persist what <see cref="OfAnswer"/> and
/// <see cref="OfSend"/> return, and rebuilds tally the same, so the rule is in one place (docs/decisions.md, "Score rollups").
/// </summary>
public static class RollupKeys
{
    /// <summary>Longer values are free text or ids, not categories: each would be a row of its own per day.</summary>
    public const int MaxValueLength = 100;

    /// <summary>
    /// The counts an answer moves: +1 at its score and <c>answeredAt</c> day in each of its rows, after −1 in each row of the
    /// <paramref name="previous"/> answer it replaces (the old score, day and properties), so a changed answer counts once.
    /// </summary>
    public static IReadOnlyList<RollupDelta> OfAnswer(SurveyResponse answer, SurveyResponse? previous = null) =>
        [.. previous is null ? [] : AnswerDeltas(previous, -1), .. AnswerDeltas(answer, +1)];

    /// <summary>The counts a send moves: +1 sent on the <paramref name="sentAt"/> day in each row of the survey, on channel e-mail.</summary>
    public static IReadOnlyList<RollupDelta> OfSend(Survey survey, DateTimeOffset sentAt) =>
        [.. Dimensions(Channels.Email, survey.Properties).Select(d =>
            new RollupDelta(survey.TemplateId, survey.Kind, Day(sentAt), d.Key, d.Value, Score: null, Change: +1))];

    /// <summary>The (dimension, value) pairs, each dimension once; the all row is ("", "").</summary>
    public static IReadOnlyDictionary<string, string> Dimensions(string channel, IReadOnlyDictionary<string, string> properties)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScoreRollup.All] = ScoreRollup.All,
            [ScoreRollup.ChannelDimension] = channel,
        };
        foreach (var (name, value) in properties)
        {
            // The channel of the answer wins over a property called "channel"; an empty value cannot be asked for.
            if (name.Length > 0 && value.Length is > 0 and <= MaxValueLength && !dimensions.ContainsKey(name))
            {
                dimensions[name] = value;
            }
        }
        return dimensions;
    }

    /// <summary>The UTC day an answer or a send counts on.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static IEnumerable<RollupDelta> AnswerDeltas(SurveyResponse answer, int change) =>
        Dimensions(answer.Channel, answer.Properties).Select(d =>
            new RollupDelta(answer.TemplateId, answer.Kind, Day(answer.AnsweredAt), d.Key, d.Value, answer.Score, change));
}
