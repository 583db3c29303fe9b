using System.Text.RegularExpressions;
using Feedback.Core.Common;

namespace Feedback.Core.Templates;

/// <summary>
/// The reasons a customer may tick for a low score: an answer with score at most <see cref="MaxScore"/> is asked for
/// them. Codes are what is stored and counted; labels per locale live in the content (<see cref="LocaleContent.ReasonLabels"/>).
/// </summary>
public sealed partial record TemplateReasons(int MaxScore, IReadOnlyList<string> Codes)
{
    public const int MaxCodes = 30;
    public const int MaxLabelLength = 200;
    public const string CodeSyntax = "1–50 lowercase letters, digits, '_' or '-', starting with a letter or digit";

    // Lowercase letters, digits, '_' and '-': safe as a JSON key, a MongoDB field name, a form value and a CSV cell
    // (the list separator ';' is not among them), and never the group "(none)".
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    public static bool IsValidCode(string? code) => code is not null && Code().IsMatch(code);

    /// <summary>Whether an answer with <paramref name="score"/> is asked for reasons.</summary>
    public bool Asks(int score) => score <= MaxScore;

    /// <summary>
    /// Checks reasons given with an answer: each a code of this template, none twice. Errors are named
    /// <c>{field}[i]</c>.
    /// </summary>
    public static void Validate(TemplateReasons? reasons, IReadOnlyList<string?> given, string field, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < given.Count; i++)
        {
            var code = given[i];
            if (reasons is null || code is null || !reasons.Codes.Contains(code, StringComparer.Ordinal))
            {
                errors.Add($"{field}[{i}]", reasons is null
                    ? "is not a reason of the template (it has none)"
                    : $"must be one of the template's reasons: {string.Join(", ", reasons.Codes)}");
            }
            else if (!seen.Add(code))
            {
                errors.Add($"{field}[{i}]", "is given twice");
            }
        }
    }

    /// <summary>
    /// The reasons to store with an answer of <paramref name="score"/>: the given ones (already validated) in the
    /// template's order, or none when the score is not asked for reasons.
    /// </summary>
    public IReadOnlyList<string> Keep(int score, IEnumerable<string> given)
    {
        if (!Asks(score))
        {
            return [];
        }
        var wanted = given.ToHashSet(StringComparer.Ordinal);
        return [.. Codes.Where(wanted.Contains)];
    }
}
