namespace Feedback.Core.Themes;

/// <summary>A term the segment's comments use more than the other comments do.</summary>
public sealed record Theme(string Term, string Language, long SegmentCount, long OtherCount, double Z)
{
    public IReadOnlyList<string> Examples { get; init; } = [];
}

/// <summary>The themes of one query, with the comments they were found in.</summary>
public sealed record ThemeFindings(long Comments, long SegmentComments, IReadOnlyList<Theme> Themes);

/// <summary>Ranks terms by the z-score of their log-odds ratio, segment against the rest, within each language.</summary>
public static class ThemeFinder
{
    /// <summary>A term in fewer segment comments than this is not reported: two customers are not a theme.</summary>
    public const int MinSegmentComments = 3;

    /// <summary>
    /// Only terms the segment uses significantly more (one-sided test at 95 %) are themes; a term used alike scores near 0.
    /// </summary>
    public const double MinZ = 1.645;

    public const int DefaultTop = 20;
    public const int MaxTop = 100;

    public static ThemeFindings Find(IReadOnlyList<TermCount> counts, ScoreBand segment, int top)
    {
        var themes = new List<Theme>();
        long comments = 0, segmentComments = 0;
        foreach (var language in counts.GroupBy(c => c.Language, StringComparer.Ordinal))
        {
            var all = language.Where(c => c.Term == TermCount.Comments).ToList();
            var occurrences = language.Where(c => c.Term == TermCount.Occurrences).ToList();
            comments += all.Sum(c => c.All);
            segmentComments += all.Sum(c => c.In(segment));
            var segmentTotal = occurrences.Sum(c => c.In(segment));
            var otherTotal = occurrences.Sum(c => c.All - c.In(segment));
            foreach (var term in language.Where(c => !TermCount.IsTotal(c.Term) && c.In(segment) >= MinSegmentComments))
            {
                var (inSegment, other) = (term.In(segment), term.All - term.In(segment));
                var z = LogOdds.Z(inSegment, segmentTotal, other, otherTotal);
                if (z >= MinZ)
                {
                    themes.Add(new Theme(term.Term, language.Key, inSegment, other, z));
                }
            }
        }
        var ranked = themes
            .OrderByDescending(t => t.Z).ThenByDescending(t => t.SegmentCount).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        return new ThemeFindings(comments, segmentComments, ranked);
    }
}
