using Feedback.Core.Templates;
using Feedback.Core.Themes;

namespace Feedback.Core.Storage;

/// <summary>The comments a theme query reads: answers of <see cref="Kind"/> (or all kinds), of one template or all, on UTC days [From, To).</summary>
public sealed record TermCountQuery(SurveyKind? Kind, string? TemplateId, DateOnly From, DateOnly To);

/// <summary>A response whose comment contains a term: an example of a theme.</summary>
public sealed record TermExample(string Language, string Term, string ResponseId);

/// <summary>
/// Term counts of comments, per template × UTC answer day × language × term, one count per score band, plus a comments
/// row (term <see cref="TermCount.Comments"/>). Like score rollups they are written by the response store, never by
/// callers: an answer, a changed answer and an answer collected elsewhere move them in the same atomic step as the
/// response (the stored <see cref="CommentTerms"/> of the old comment are taken back, the new ones added), and erasing a
/// customer takes their comments' terms out with the comments. So the counts always equal what
/// <see cref="RebuildAsync"/> would compute from the stored comments.
/// </summary>
public interface ICommentTermStore
{
    /// <summary>
    /// The counts of the query's days and templates, summed per language and term, in no particular order: the terms that
    /// at least <paramref name="minSegmentComments"/> comments of <paramref name="segment"/> contain (the others cannot be
    /// themes, and most terms are in one or two comments), and always the <see cref="TermCount.Comments"/> and
    /// <see cref="TermCount.Occurrences"/> rows.
    /// </summary>
    Task<IReadOnlyList<TermCount>> CountAsync(TermCountQuery query, ScoreBand segment, int minSegmentComments, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="perTerm"/> responses per (language, term) of <paramref name="terms"/> whose comment, in one of
    /// <paramref name="bands"/>, contains the term; the newest answer days first.
    /// </summary>
    Task<IReadOnlyList<TermExample>> ExamplesAsync(TermCountQuery query, IReadOnlySet<ScoreBand> bands,
        IReadOnlyCollection<(string Language, string Term)> terms, int perTerm, CancellationToken ct = default);

    /// <summary>
    /// Analyses every stored comment again and replaces all term counts (after the analysis changed, or to repair), and
    /// records <see cref="CommentAnalyzer.Version"/> as the counts' version.
    /// </summary>
    Task<TermRebuild> RebuildAsync(CancellationToken ct = default);

    /// <summary>The <see cref="CommentAnalyzer.Version"/> of the last rebuild; null when the store never had one.</summary>
    Task<int?> VersionAsync(CancellationToken ct = default);
}

/// <summary>What a rebuild wrote: the comments analysed and the count rows they make.</summary>
public sealed record TermRebuild(long Comments, long Rows);
