using System.Text.RegularExpressions;

namespace Feedback.Core.Scoring;

/// <summary>
/// The allow-list of properties counted in pairs (<c>Feedback:Scores:PairProperties</c>, comma-separated, at most
/// <see cref="MaxProperties"/>): for each ordered pair (a, b) of listed properties an answer has, it also counts in the row
/// (<see cref="Dimension"/>(a, its a, b), its b), so "filter a, group by b" reads rows instead of raw answers. An answer
/// with k listed properties adds k·(k−1) rows per day (docs/decisions.md, "Pair rollups").
/// </summary>
public sealed partial class RollupPairs
{
    public const string ConfigurationKey = $"{ScoreRollupOptions.SectionName}:{nameof(ScoreRollupOptions.PairProperties)}";
    public const int MaxProperties = 4;

    public static readonly RollupPairs None = new([]);

    private RollupPairs(IReadOnlyList<string> properties) => Properties = properties;

    /// <summary>The listed property names, each once, in the order given.</summary>
    public IReadOnlyList<string> Properties { get; }

    public bool Contains(string dimension) => Properties.Contains(dimension, StringComparer.Ordinal);

    /// <summary>The list from its setting; null or blank is none. Throws naming the setting when a name is not a property name.</summary>
    public static RollupPairs Parse(string? setting)
    {
        var names = (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (names.FirstOrDefault(n => !PropertyName().IsMatch(n)) is { } bad)
        {
            throw new ArgumentException($"{ConfigurationKey}: '{bad}' is not a property name (letters, digits, '_', '.', '-').", nameof(setting));
        }
        if (names.Count > MaxProperties)
        {
            throw new ArgumentException($"{ConfigurationKey}: at most {MaxProperties} properties (each answer adds k·(k−1) rows per day).", nameof(setting));
        }
        return new RollupPairs(names);
    }

    /// <summary>
    /// The dimension of the rows holding the answers with <paramref name="filter"/> = <paramref name="value"/>, one row per
    /// value of <paramref name="groupBy"/>. Unambiguous: property names have no '=' and no '>', so the first '=' and the
    /// last '>' split it whatever the value holds; it cannot be a property name, so it never meets a single dimension.
    /// </summary>
    public static string Dimension(string filter, string value, string groupBy) => $"{filter}={value}>{groupBy}";

    /// <summary>The pair (dimension, value)s of an answer or send whose single dimensions are <paramref name="dimensions"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> Of(IReadOnlyDictionary<string, string> dimensions) =>
        from a in Properties
        where dimensions.ContainsKey(a)
        from b in Properties
        where b != a && dimensions.ContainsKey(b)
        select KeyValuePair.Create(Dimension(a, dimensions[a], b), dimensions[b]);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyName();
}
