using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting;

/// <summary>
/// What start-up prints when configuration is invalid: one line per bad value, naming the key and what is wrong with it
/// (the options' own messages already start with the key), without the options framework's wrapping or a stack trace.
/// </summary>
public static partial class ConfigurationErrors
{
    /// <summary>The lines describing <paramref name="exception"/>, or null when it has another cause than configuration.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures.Select(Unwrap).ToList(),
        AggregateException all when all.InnerExceptions.Select(Describe).ToList() is var parts && parts.All(p => p is not null) =>
            parts.SelectMany(p => p!).ToList(),
        InvalidOperationException conversion when Conversion().Match(conversion.Message) is { Success: true } match => [Unconvertible(match)],
        _ => null,
    };

    // "DataAnnotation validation failed for 'X' members: 'Y' with the error: '<message>'." → "<message>".
    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<message>.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex Conversion();

    private static string Unwrap(string failure) =>
        OneLine(DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure);

    private static string Unconvertible(Match match)
    {
        var expected = match.Groups["type"].Value switch
        {
            "System.TimeSpan" => "a time span such as 00:00:05",
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Decimal" => "a number",
            var type => $"a {type.Split('.')[^1]}",
        };
        return OneLine($"{match.Groups["key"].Value} must be {expected}, not '{match.Groups["value"].Value}'");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
