using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// Which rollup rows an answer or a send counts in, and by how much: the all row, <see cref="ScoreRollup.ChannelDimension"/>
/// (the answer's channel), one row per property whose value is worth a breakdown, and for an answer its
/// <see cref="ScoreRollup.ReasonDimension"/> rows (<see cref="ReasonValues"/>). The stores persist what <see cref="OfAnswer"/> and
/// <see cref="OfSend"/> return, and rebuilds tally the same, so the rule is in one place (docs/decisions.md, "Score rollups").
/// With <see cref="RollupPairs"/> listed, each also counts in the pair rows of its listed properties.
/// </summary>
public static class RollupKeys
{
    /// <summary>Longer values are free text or ids, not categories: each would be a row of its own per day.</summary>
    public const int MaxValueLength = 100;

    /// <summary>
    /// The counts an answer moves: +1 at its score and <c>answeredAt</c> day in each of its rows, after −1 in each row of the
    /// <paramref name="previous"/> answer it replaces (the old score, day and properties), so a changed answer counts once.
    /// </summary>
    public static IReadOnlyList<RollupDelta> OfAnswer(SurveyResponse answer, SurveyResponse? previous = null, RollupPairs? pairs = null) =>
        [.. previous is null ? [] : AnswerDeltas(previous, -1, pairs ?? RollupPairs.None), .. AnswerDeltas(answer, +1, pairs ?? RollupPairs.None)];

    /// <summary>The counts a send moves: +1 sent on the <paramref name="sentAt"/> day in each row of the survey, on channel e-mail.</summary>
    public static IReadOnlyList<RollupDelta> OfSend(Survey survey, DateTimeOffset sentAt, RollupPairs? pairs = null) =>
        [.. WithPairs(Dimensions(Channels.Email, survey.Properties), pairs ?? RollupPairs.None).Select(d =>
            new RollupDelta(survey.TemplateId, survey.Kind, Day(sentAt), d.Key, d.Value, Score: null, Change: +1, SurveyAnswer: false))];

    /// <summary>
    /// The counts a batch of sends moves, <see cref="OfSend"/> for each survey with the deltas of one row added into one:
    /// a provider request of a thousand surveys of one template then moves a few rows by hundreds instead of a few
    /// thousand rows by one.
    /// </summary>
    public static IReadOnlyList<RollupDelta> OfSends(IEnumerable<Survey> surveys, DateTimeOffset sentAt, RollupPairs? pairs = null) =>
        [.. surveys.SelectMany(s => OfSend(s, sentAt, pairs))
            .GroupBy(d => d with { Change = 0 })
            .Select(row => row.Key with { Change = row.Sum(d => d.Change) })];

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
            // An empty value cannot be asked for; a property called "channel" is a property (the answer's is ChannelDimension).
            if (name.Length > 0 && value.Length is > 0 and <= MaxValueLength && !dimensions.ContainsKey(name))
            {
                dimensions[name] = value;
            }
        }
        return dimensions;
    }

    /// <summary>
    /// The values an answer counts under in <paramref name="dimension"/>: its reasons (or <see cref="ScoreGroups.NoneKey"/>)
    /// for <see cref="ScoreRollup.ReasonDimension"/>, else its one value there, if any. Raw-answer queries group by this.
    /// </summary>
    public static IEnumerable<string> ValuesIn(SurveyResponse answer, string dimension) =>
        dimension == ScoreRollup.ReasonDimension ? ReasonValues(answer)
        : Dimensions(answer.Channel, answer.Properties).GetValueOrDefault(dimension) is { } value ? [value]
        : [];

    /// <summary>Each reason once, or <see cref="ScoreGroups.NoneKey"/> for an answer without any: it counts in each of them.</summary>
    public static IEnumerable<string> ReasonValues(SurveyResponse answer) =>
        answer.Reasons.Count == 0 ? [ScoreGroups.NoneKey] : answer.Reasons.Distinct(StringComparer.Ordinal);

    /// <summary>The UTC day an answer or a send counts on.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static IEnumerable<KeyValuePair<string, string>> WithPairs(IReadOnlyDictionary<string, string> dimensions, RollupPairs pairs) =>
        dimensions.Concat(pairs.Of(dimensions));

    private static IEnumerable<RollupDelta> AnswerDeltas(SurveyResponse answer, int change, RollupPairs pairs) =>
        WithPairs(Dimensions(answer.Channel, answer.Properties), pairs)
            .Concat(ReasonValues(answer).Select(reason => KeyValuePair.Create(ScoreRollup.ReasonDimension, reason)))
            .Select(d => new RollupDelta(answer.TemplateId, answer.Kind, Day(answer.AnsweredAt), d.Key, d.Value, answer.Score, change, AnswersSentSurvey(answer)));

    /// <summary>
    /// Whether an answer counts towards the response rate: it answers a survey that was sent. Answers collected
    /// elsewhere (phone, chat, web, in person) have no survey; they count in the score but not in the rate.
    /// </summary>
    public static bool AnswersSentSurvey(SurveyResponse answer) => answer.SurveyId is not null;
}
