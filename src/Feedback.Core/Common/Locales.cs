using System.Text.RegularExpressions;

namespace Feedback.Core.Common;

/// <summary>BCP-47 language tags as used for content keys and customer locales.</summary>
public static partial class Locales
{
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase) { "ar", "fa", "he", "ur", "iw", "yi", "ps", "sd", "ug", "dv", "ckb" };

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static bool IsValid(string? tag) => tag is { Length: <= 35 } && Tag().IsMatch(tag);

    public static string Language(string tag) => tag.Split('-')[0].ToLowerInvariant();

    public static bool IsRightToLeft(string tag) => RightToLeft.Contains(Language(tag));

    /// <summary><c>sr-Latn-RS</c> → <c>sr-Latn-RS</c>, <c>sr-Latn</c>, <c>sr</c>.</summary>
    public static IEnumerable<string> Fallbacks(string tag)
    {
        var parts = tag.Split('-');
        for (var n = parts.Length; n >= 1; n--)
        {
            yield return string.Join('-', parts[..n]);
        }
    }
}
