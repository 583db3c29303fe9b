namespace Feedback.Core.Scoring;

/// <summary>
/// Which rollup rows an answer or a send counts in: the all row, <see cref="ScoreRollup.ChannelDimension"/>, and one
/// row per property whose value is worth a breakdown. Both adapters and their rebuilds go through here, so the rule is
/// in one place (docs/decisions.md, "Score rollups").
/// </summary>
public static class RollupKeys
{
    /// <summary>Longer values are free text or ids, not categories: each would be a row of its own per day.</summary>
    public const int MaxValueLength = 100;

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
}
