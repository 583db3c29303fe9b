using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Feedback.Core.Themes;

/// <summary>
/// How one language's comments become terms: Unicode word segmentation (UAX #29, Lucene's StandardTokenizer), lower
/// case, the language's stop words, its stemmer where it has one, and two-word phrases of neighbouring words.
/// </summary>
internal sealed class CommentLanguage
{
    /// <summary>Longer tokens are links, codes or run-together text, not words a theme is made of.</summary>
    public const int MaxWordLength = 40;

    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Analyzer _tokens;
    private readonly FrozenSet<string> _stopWords;
    private readonly WordStemmer? _stemmer;

    private CommentLanguage(string language, FrozenSet<string> stopWords, WordStemmer? stemmer)
    {
        Language = language;
        _stopWords = stopWords;
        _stemmer = stemmer;
        var english = language == "en";
        _tokens = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader) { MaxTokenLength = MaxWordLength };
            TokenStream stream = new LowerCaseFilter(Version, source);
            // "agent's" counts as "agent".
            stream = english ? new EnglishPossessiveFilter(Version, stream) : stream;
            return new TokenStreamComponents(source, stream);
        });
    }

    public string Language { get; }

    /// <summary>What this language gets, for the docs and the tests.</summary>
    public string Method => _stemmer is null ? "no stemmer" : Language == "en" ? "KStem" : "Hunspell";

    public bool HasStopWords => _stopWords.Count > 0;

    public static CommentLanguage Create(string language) => new(language, LanguageData.StopWords(language), language switch
    {
        "en" => WordStemmer.English(),
        // "nie-" and "ne-" negate: dropping them would count "nieuprzejmy" (rude) as "uprzejmy" (polite).
        "pl" => WordStemmer.Hunspell("pl", new HashSet<string> { "nie" }),
        "sk" => WordStemmer.Hunspell("sk", new HashSet<string> { "ne" }),
        _ when LanguageData.HunspellLanguages.Contains(language) => WordStemmer.Hunspell(language, new HashSet<string>()),
        _ => null,
    });

    /// <summary>Every term occurrence in the text, in text order: each content word, then the phrase it ends, if any.</summary>
    public List<TermOccurrence> Occurrences(string text)
    {
        var occurrences = new List<TermOccurrence>();
        using var stream = _tokens.GetTokenStream("comment", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        TermOccurrence? previous = null;
        var previousEnd = 0;
        while (stream.IncrementToken())
        {
            var word = term.ToString().Replace('’', '\'');
            var (start, end) = (offset.StartOffset, offset.EndOffset);
            var content = IsContentWord(word);
            var stem = content ? _stemmer?.Stem(word) ?? word : null;
            if (stem is null || _stopWords.Contains(stem))
            {
                previous = null;
            }
            else
            {
                var current = new TermOccurrence(stem, start, end);
                occurrences.Add(current);
                if (previous is not null && !BreaksPhrase(text.AsSpan(previousEnd, start - previousEnd)))
                {
                    occurrences.Add(new TermOccurrence($"{previous.Term} {stem}", previous.Start, end));
                }
                previous = current;
            }
            previousEnd = end;
        }
        stream.End();
        return occurrences;
    }

    // Numbers, one-letter tokens and stop words carry no theme.
    private bool IsContentWord(string word) =>
        word.Length >= 2 && word.Any(char.IsLetter) && !_stopWords.Contains(word);

    // A phrase is two neighbouring words of one clause: punctuation other than a hyphen or an apostrophe ends it.
    private static bool BreaksPhrase(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is '\n' or '\r' || (char.IsPunctuation(c) && c is not ('-' or '\'' or '’')) || char.IsSymbol(c))
            {
                return true;
            }
        }
        return false;
    }
}
