using System.Collections.Concurrent;
using Feedback.Core.Common;

namespace Feedback.Core.Themes;

/// <summary>One occurrence of a term in a comment: <see cref="Start"/> inclusive, <see cref="End"/> exclusive, in UTF-16 units.</summary>
public sealed record TermOccurrence(string Term, int Start, int End);

/// <summary>A comment as terms: its language and every occurrence of a term in it.</summary>
public sealed record CommentText(string Language, IReadOnlyList<TermOccurrence> Occurrences)
{
    /// <summary>Each term once, in order of first occurrence: a comment counts once for a term however often it repeats it.</summary>
    public IReadOnlyList<string> Terms => [.. Occurrences.Select(o => o.Term).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// Turns comments into the terms themes are counted in, per language (the response's locale). A pure function of the
/// text, the locale and the language data embedded in this assembly, so the stores call it like they call
/// <c>RollupKeys</c>; a language's data is loaded the first time a comment in it is seen.
/// </summary>
public static class CommentAnalyzer
{
    /// <summary>
    /// Raise it whenever a change (code or language data) can turn a comment into other terms: stores whose counts were made
    /// by another version are rebuilt at start.
    /// </summary>
    public const int Version = 1;

    /// <summary>The languages the service is built for.</summary>
    public static readonly IReadOnlyList<string> ServedLanguages = ["en", "sk", "pl", "he"];

    private static readonly ConcurrentDictionary<string, Lazy<CommentLanguage>> Languages = new(StringComparer.Ordinal);

    /// <summary>The language a locale's comments are analysed in: its primary subtag, lower case (<c>pl-PL</c> → <c>pl</c>).</summary>
    public static string LanguageOf(string locale) => Locales.Language(locale) switch
    {
        "iw" => "he",
        var language => language,
    };

    public static CommentText Analyze(string comment, string locale)
    {
        var language = For(LanguageOf(locale));
        return new CommentText(language.Language, language.Occurrences(comment));
    }

    /// <summary>What a language gets: "Hunspell", "KStem" or "no stemmer", and whether stop words are removed.</summary>
    public static (string Stemmer, bool StopWords) Describe(string language)
    {
        var l = For(language);
        return (l.Method, l.HasStopWords);
    }

    private static CommentLanguage For(string language) =>
        Languages.GetOrAdd(language, l => new Lazy<CommentLanguage>(() => CommentLanguage.Create(l))).Value;
}
