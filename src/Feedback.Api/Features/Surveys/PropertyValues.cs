using System.Text.Json;
using System.Text.RegularExpressions;
using Feedback.Core.Common;

namespace Feedback.Api.Features.Surveys;

/// <summary>
/// Event and survey <c>properties</c>: flat name → value pairs used for breakdowns. Strings, numbers and booleans are
/// kept as text (numbers as written); nulls are dropped; objects and arrays are refused.
/// </summary>
public static partial class PropertyValues
{
    public const int MaxCount = 50;
    public const int MaxValueLength = 500;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyDictionary<string, JsonElement>? properties, string prefix, ValidationErrors errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties is null)
        {
            return result;
        }
        if (properties.Count > MaxCount)
        {
            errors.Add(prefix, $"must have at most {MaxCount} entries");
        }
        foreach (var (name, value) in properties)
        {
            var field = $"{prefix}.{name}";
            if (!Name().IsMatch(name))
            {
                errors.Add(field, "name must be 1–64 letters, digits, '_', '.' or '-'");
                continue;
            }
            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => Invalid(errors, field),
            };
            if (text is { Length: > MaxValueLength })
            {
                errors.Add(field, $"must be at most {MaxValueLength} characters");
            }
            else if (text is not null)
            {
                result[name] = text;
            }
        }
        return result;
    }

    private static string? Invalid(ValidationErrors errors, string field)
    {
        errors.Add(field, "must be a string, number or boolean");
        return null;
    }
}
