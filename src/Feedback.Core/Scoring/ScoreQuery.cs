using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// A score query: the answers of one kind (optionally one template) in UTC days [<see cref="From"/>, <see cref="To"/>),
/// with series buckets, the top groups of one dimension and the previous period when asked. <see cref="Filters"/> are the
/// values every answer must have, and <see cref="GroupBy"/> the dimension to break down by, both named as the rollups
/// name them: a property's name, or <see cref="ScoreRollup.ChannelDimension"/> for the answer's own channel.
/// </summary>
public sealed record ScoreQuery(
    SurveyKind Kind,
    string? TemplateId,
    DateOnly From,
    DateOnly To,
    SeriesInterval? Interval,
    string? GroupBy,
    int Top,
    bool CompareToPrevious,
    IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>Longest period one query may cover (a bound on the rows read).</summary>
    public const int MaxDays = 3 * 366;
    public const int DefaultDays = 30;

    /// <summary>
    /// True when one rollup dimension answers it: at most one property, whether filtered, grouped or both, and no
    /// filter value too long to have rollup rows of its own.
    /// </summary>
    public bool FitsRollups => Dimensions.Count <= 1 && Filters.Values.All(v => v.Length <= RollupKeys.MaxValueLength);

    /// <summary>
    /// True when pair rows answer it: two properties, both listed in <paramref name="pairs"/>, at least one of them a filter
    /// (a filter and a groupBy on the other, or two filters), no filter value too long to have rows.
    /// </summary>
    public bool FitsPairRollups(RollupPairs pairs) =>
        Dimensions is [var a, var b] && pairs.Contains(a) && pairs.Contains(b)
        && Filters.Values.All(v => v.Length <= RollupKeys.MaxValueLength);

    /// <summary>The distinct dimensions the query touches: its filters' and its groupBy.</summary>
    public IReadOnlyList<string> Dimensions =>
        [.. Filters.Keys.Order(StringComparer.Ordinal).Append(GroupBy).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The same query for the period of equal length just before this one, without groups or series.</summary>
    public ScoreQuery Previous() => this with
    {
        From = From.AddDays(-(To.DayNumber - From.DayNumber)), To = From, Interval = null, GroupBy = null,
    };
}
