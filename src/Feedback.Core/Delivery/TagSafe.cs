using System.Text.RegularExpressions;

namespace Feedback.Core.Delivery;

/// <summary>
/// Makes rendered values unable to contain a substitution tag. SendGrid applies a personalization's substitutions
/// in no documented order (and to the subject too), and <see cref="EmailRecipient.Personalize"/> in dictionary
/// order, so a value holding a tag (a customer named <c>%fb_token%</c>) would be expanded or not depending on order.
/// Every tag starts with <see cref="Prefix"/>; no escaped value contains that prefix, so the order cannot matter.
/// </summary>
internal static partial class TagSafe
{
    public const string Prefix = "%fb_";

    // U+2060 WORD JOINER: invisible and, unlike a zero-width space, never a line-break opportunity.
    private const string WordJoiner = "\u2060";

    [GeneratedRegex("%(?=fb_)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagStart();

    /// <summary>For HTML: every <c>%</c> becomes <c>&amp;#37;</c>, which displays the same.</summary>
    public static string Html(string value) => value.Replace("%", "&#37;", StringComparison.Ordinal);

    /// <summary>For plain text and subjects, where entities would show: breaks <c>%fb_</c> with an invisible character.</summary>
    public static string Text(string value) => TagStart().Replace(value, "%" + WordJoiner);
}
