using System.Globalization;
using System.Text.RegularExpressions;

namespace Feedback.Core.Common;

/// <summary>
/// ISO-8601 durations of fixed length: <c>PnW</c>, <c>PnDTnHnMnS</c> (seconds may have a fraction).
/// Years and months are refused because their length depends on the calendar.
/// </summary>
public static partial class Iso8601Duration
{
    // [0-9], not \d: \d also matches other scripts' digits ("P\u0661D"), which double.Parse then refuses with an exception.
    [GeneratedRegex(@"^P(?:(?<w>[0-9]+)W|(?:(?<d>[0-9]+)D)?(?:T(?:(?<h>[0-9]+)H)?(?:(?<m>[0-9]+)M)?(?:(?<s>[0-9]+(?:\.[0-9]{1,7})?)S)?)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
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
        if (value > TimeSpan.FromDays(3660))
        {
            value = TimeSpan.Zero;
            error = "must not exceed 3660 days";
            return false;
        }
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException($"'{text}' {error}");

    private static bool HasCalendarUnit(string text)
    {
        var datePart = text.Split('T')[0];
        return datePart.Contains('Y') || datePart.Contains('M');
    }

    private static double Number(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
