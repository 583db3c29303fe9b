using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;

namespace Feedback.Core.Themes;

/// <summary>
/// Turns one lower-case word into the form a theme counts it under, through a Lucene stem filter run on that word alone.
/// Comments repeat a small vocabulary, so results are cached: the Hunspell lookup costs tens of microseconds a word, the
/// cache hit almost nothing.
/// </summary>
internal sealed class WordStemmer
{
    private const int MaxCached = 200_000;

    private readonly Analyzer _analyzer;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    private WordStemmer(Func<TokenStream, TokenStream> filter)
    {
        _analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new KeywordTokenizer(reader);
            return new TokenStreamComponents(source, filter(source));
        });
    }

    /// <summary>
    /// Krovetz's inflectional stemmer: its stems are dictionary words (refunds, refunded → refund; deliveries → delivery),
    /// which read well as themes, where Porter's stems do not (deliveri).
    /// </summary>
    public static WordStemmer English() => new(source => new KStemFilter(source));

    /// <summary>
    /// Hunspell stemming (the longest stem of a word the dictionary knows; an unknown word stays as it is). Prefix rules that
    /// only add one of <paramref name="negations"/> are dropped before loading, so "nieuprzejmy" (impolite) is not counted
    /// as "uprzejmy" (polite).
    /// </summary>
    public static WordStemmer Hunspell(string language, IReadOnlySet<string> negations)
    {
        using var affix = WithoutPrefixRules(LanguageData.Open($"{language}.aff"), negations);
        using var words = LanguageData.Open($"{language}.dic");
        var dictionary = new Dictionary(affix, [words], ignoreCase: true);
        return new(source => new HunspellStemFilter(source, dictionary, dedup: true, longestOnly: true));
    }

    public string Stem(string word)
    {
        if (_cache.TryGetValue(word, out var stem))
        {
            return stem;
        }
        stem = Run(word);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[word] = stem;
        return stem;
    }

    private string Run(string word)
    {
        using var stream = _analyzer.GetTokenStream("word", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() && term.Length > 0 ? term.ToString() : word;
        stream.End();
        return stem;
    }

    // An .aff file is lines; a prefix class is a header "PFX flag cross count" and its rules "PFX flag strip add condition".
    private static MemoryStream WithoutPrefixRules(Stream affix, IReadOnlySet<string> negations)
    {
        using var reader = new StreamReader(affix, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        var fields = lines.Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var dropped = fields
            .Where(f => f.Length >= 4 && f[0] == "PFX" && f[2] is not ("Y" or "N"))
            .GroupBy(f => f[1])
            .Where(g => g.All(f => negations.Contains(f[3].Split('/')[0])))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var kept = lines.Where((_, i) => !(fields[i].Length >= 2 && fields[i][0] == "PFX" && dropped.Contains(fields[i][1])));
        return new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n"));
    }
}
