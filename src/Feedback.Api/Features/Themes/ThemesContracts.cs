using System.ComponentModel;
using Feedback.Core.Themes;

namespace Feedback.Api.Features.Themes;

[Description("A term (a word's stem or lemma, or two neighbouring words) the segment's comments use more than the others do.")]
public sealed record ThemeDto(
    string Term,
    [property: Description("The language of the comments it was found in: the primary subtag of the responses' locale.")] string Locale,
    [property: Description("Segment comments containing the term.")] long SegmentCount,
    [property: Description("Other comments of the query containing it.")] long OtherCount,
    [property: Description("z-score of the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); at least 1.645.")] double Z,
    [property: Description("Up to 3 responses of the segment whose comment contains the term, newest first.")] IReadOnlyList<string> Examples)
{
    public static ThemeDto From(Theme t) => new(t.Term, t.Language, t.SegmentCount, t.OtherCount, Math.Round(t.Z, 2), t.Examples);
}

[Description("What customers in the segment write about more than the others, sorted by z. `kind` is null for a query over every kind.")]
public sealed record ThemesResponse(
    string? Kind,
    string From,
    string To,
    [property: Description("low or high.")] string Segment,
    [property: Description("Comments of the query, in every language.")] long Comments,
    [property: Description("Comments of the segment.")] long SegmentComments,
    [property: Description("counts (the stored term counts), or responses when property filters make it analyse the comments.")] string Source,
    IReadOnlyList<ThemeDto> Themes);

[Description("Where the term is in the comment: UTF-16 offsets, as JavaScript strings index.")]
public sealed record HighlightDto(int Start, int Length);

[Description("A comment containing the theme's term.")]
public sealed record ThemeCommentDto(
    string Id,
    string TemplateId,
    int Score,
    string Comment,
    string Locale,
    DateTimeOffset AnsweredAt,
    IReadOnlyList<HighlightDto> Highlights);

public sealed record ThemeCommentListResponse(IReadOnlyList<ThemeCommentDto> Items, string? NextCursor);

[Description("What a rebuild wrote: the comments analysed and the count rows they make.")]
public sealed record ThemeRebuildResponse(long Comments, long Rows);
