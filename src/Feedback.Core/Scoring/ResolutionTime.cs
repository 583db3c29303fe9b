using System.Globalization;

namespace Feedback.Core.Scoring;

/// <summary>
/// The derived survey property <c>resolutionTime</c>: how long the ticket took, bucketed, from the event's
/// <c>resolutionHours</c> property (a number) or else its <c>openedAt</c> property (an ISO-8601 instant; resolution =
/// occurredAt − openedAt). CSAT grouped by it is the support view "satisfaction by resolution time".
/// </summary>
public static class ResolutionTime
{
    public const string Property = "resolutionTime";
    public const string HoursProperty = "resolutionHours";
    public const string OpenedAtProperty = "openedAt";

    /// <summary>The buckets in display order.</summary>
    public static readonly string[] Buckets = ["<4h", "<24h", "<72h", "72h+"];

    public static string Bucket(double hours) => hours switch
    {
        < 4 => Buckets[0],
        < 24 => Buckets[1],
        < 72 => Buckets[2],
        _ => Buckets[3],
    };

    /// <summary>
    /// The properties with <c>resolutionTime</c> added when it can be derived; unchanged when it cannot (no or unreadable
    /// or negative input) or when the caller already sent a <c>resolutionTime</c> of its own.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithBucket(IReadOnlyDictionary<string, string> properties, DateTimeOffset occurredAt)
    {
        if (properties.ContainsKey(Property) || Hours(properties, occurredAt) is not { } hours)
        {
            return properties;
        }
        return new Dictionary<string, string>(properties, StringComparer.Ordinal) { [Property] = Bucket(hours) };
    }

    private static double? Hours(IReadOnlyDictionary<string, string> properties, DateTimeOffset occurredAt)
    {
        if (properties.TryGetValue(HoursProperty, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours)
            && double.IsFinite(hours) && hours >= 0)
        {
            return hours;
        }
        if (properties.TryGetValue(OpenedAtProperty, out var opened)
            && DateTimeOffset.TryParse(opened, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var openedAt)
            && openedAt <= occurredAt)
        {
            return (occurredAt - openedAt).TotalHours;
        }
        return null;
    }
}
