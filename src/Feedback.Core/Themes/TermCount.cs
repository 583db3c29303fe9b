namespace Feedback.Core.Themes;

/// <summary>
/// How many comments of each score band contain a term, in one language. The term <see cref="Comments"/> (empty) counts
/// the comments themselves, <see cref="Occurrences"/> the sum over every term (each comment adds its number of terms), so
/// a query learns the totals without reading every term.
/// </summary>
public sealed record TermCount(string Language, string Term, long Low, long Middle, long High)
{
    public const string Comments = "";

    /// <summary>A tab: terms are words, which never hold whitespace, so it cannot be a term.</summary>
    public const string Occurrences = "\t";

    public static bool IsTotal(string term) => term is Comments or Occurrences;

    public long In(ScoreBand band) => band switch
    {
        ScoreBand.Low => Low,
        ScoreBand.Middle => Middle,
        _ => High,
    };

    public long All => Low + Middle + High;
}

/// <summary>Sums counts per language and term, from stored day rows or from comments analysed on the spot.</summary>
public sealed class TermTally
{
    private readonly Dictionary<(string Language, string Term), long[]> _counts = [];

    public void Add(string language, string term, long low, long middle, long high)
    {
        if (!_counts.TryGetValue((language, term), out var counts))
        {
            _counts[(language, term)] = counts = new long[3];
        }
        counts[0] += low;
        counts[1] += middle;
        counts[2] += high;
    }

    /// <summary>One comment: the comments row, the occurrences row and each of its terms, once, in its band.</summary>
    public void Add(CommentTerms comment)
    {
        foreach (var (term, count) in comment.Rows())
        {
            Add(comment.Language, term, comment.Band == ScoreBand.Low ? count : 0, comment.Band == ScoreBand.Middle ? count : 0,
                comment.Band == ScoreBand.High ? count : 0);
        }
    }

    public IReadOnlyList<TermCount> ToCounts() =>
        [.. _counts.Where(c => c.Value.Any(v => v != 0)).Select(c => new TermCount(c.Key.Language, c.Key.Term, c.Value[0], c.Value[1], c.Value[2]))];
}
