using System.Collections.Frozen;
using System.Text.Json;

namespace Feedback.Core.Themes;

/// <summary>
/// The language data embedded at build time from npm (see Feedback.Core.csproj): Hunspell dictionaries for the languages
/// in <see cref="HunspellLanguages"/> and the stopwords-iso lists.
/// </summary>
internal static class LanguageData
{
    /// <summary>Languages with a Hunspell dictionary in the assembly.</summary>
    public static readonly IReadOnlySet<string> HunspellLanguages = new HashSet<string>(StringComparer.Ordinal) { "he", "pl", "sk" };

    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> StopWordLists = new(ReadStopWords);

    public static Stream Open(string name) =>
        typeof(LanguageData).Assembly.GetManifestResourceStream($"themes/{name}")
        ?? throw new InvalidOperationException($"The language data 'themes/{name}' is not embedded; build Feedback.Core with npm available.");

    /// <summary>The language's stop words, lower case; empty for a language the list does not cover.</summary>
    public static FrozenSet<string> StopWords(string language) =>
        StopWordLists.Value.TryGetValue(language, out var words) ? words : FrozenSet<string>.Empty;

    private static FrozenDictionary<string, FrozenSet<string>> ReadStopWords()
    {
        using var stream = Open("stopwords.json");
        var lists = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
            ?? throw new InvalidOperationException("The stop word data is empty.");
        return lists.ToFrozenDictionary(
            l => l.Key,
            l => l.Value.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
