using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Feedback.Core.Common;

/// <summary>
/// An ISO-8601 duration of fixed length (<c>PnW</c>, <c>PnDTnHnMnS</c>, seconds may have a fraction), parsed once: it keeps
/// the text it was written as, so it reads back and serialises (as a JSON string) exactly so, and its <see cref="TimeSpan"/>.
/// Years and months are refused because their length depends on the calendar. The default is <c>PT0S</c>.
/// </summary>
[JsonConverter(typeof(TextConverter))]
public readonly partial record struct IsoDuration
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(3660);

    public static readonly IsoDuration Zero = Parse("PT0S");

    private readonly string? _text;

    private IsoDuration(string text, TimeSpan timeSpan) => (_text, TimeSpan) = (text, timeSpan);

    /// <summary>The duration as it was written (<c>P2D</c> stays <c>P2D</c>, not <c>PT48H</c>).</summary>
    public string Text => _text ?? "PT0S";

    public TimeSpan TimeSpan { get; }

    public override string ToString() => Text;

    // [0-9], not \d: \d also matches other scripts' digits ("P\u0661D"), which double.Parse then refuses with an exception.
    [GeneratedRegex(@"^P(?:(?<w>[0-9]+)W|(?:(?<d>[0-9]+)D)?(?:T(?:(?<h>[0-9]+)H)?(?:(?<m>[0-9]+)M)?(?:(?<s>[0-9]+(?:\.[0-9]{1,7})?)S)?)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses <paramref name="text"/>, or says why it is not a duration (the message for a 400 naming the field).</summary>
    public static bool TryParse(string? text, out IsoDuration duration, out string error)
    {
        duration = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "must be an ISO-8601 duration such as PT24H or P2D";
            return false;
        }
        if (text.StartsWith('-'))
        {
            error = "must not be negative";
            return false;
        }
        var match = Pattern().Match(text);
        if (!match.Success || text == "P" || text.EndsWith('T'))
        {
            error = HasCalendarUnit(text)
                ? "years and months have no fixed length; use weeks, days or hours (e.g. P30D)"
                : "must be an ISO-8601 duration such as PT24H or P2D";
            return false;
        }
        TimeSpan value;
        try
        {
            value = TimeSpan.FromDays(7 * Number(match, "w") + Number(match, "d"))
                + TimeSpan.FromHours(Number(match, "h"))
                + TimeSpan.FromMinutes(Number(match, "m"))
                + TimeSpan.FromSeconds(Number(match, "s"));
        }
        catch (OverflowException)
        {
            error = "is too long";
            return false;
        }
        if (value > Longest)
        {
            error = "must not exceed 3660 days";
            return false;
        }
        duration = new IsoDuration(text, value);
        return true;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException($"'{text}' {error}");

    private static bool HasCalendarUnit(string text)
    {
        var datePart = text.Split('T')[0];
        return datePart.Contains('Y') || datePart.Contains('M');
    }

    private static double Number(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    private sealed class TextConverter : JsonConverter<IsoDuration>
    {
        public override IsoDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TryParse(reader.GetString(), out var duration, out var error) ? duration : throw new JsonException($"The duration {error}.");

        public override void Write(Utf8JsonWriter writer, IsoDuration value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }
}
