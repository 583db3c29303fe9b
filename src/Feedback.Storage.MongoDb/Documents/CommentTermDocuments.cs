using Feedback.Core.Templates;
using Feedback.Core.Themes;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>One response's counted terms (collection <c>comment_terms</c>, <c>_id</c> = the response id).</summary>
internal sealed class CommentTermsDocument
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required string Day { get; init; }
    public required string Language { get; init; }
    public required ScoreBand Band { get; init; }
    public List<string> Terms { get; init; } = [];

    public static CommentTermsDocument From(CommentTerms c) => new()
    {
        Id = c.ResponseId,
        CustomerId = c.CustomerId,
        TemplateId = c.TemplateId,
        Kind = c.Kind,
        Day = RollupDocument.Day(c.Day),
        Language = c.Language,
        Band = c.Band,
        Terms = [.. c.Terms],
    };

    public CommentTerms ToCommentTerms() => new()
    {
        ResponseId = Id,
        CustomerId = CustomerId,
        TemplateId = TemplateId,
        Kind = Kind,
        Day = DateOnly.ParseExact(Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Language = Language,
        Band = Band,
        Terms = Terms,
    };
}

/// <summary>Which count row: the <c>_id</c> of a term count, so an upsert of the same key can never make a second document.</summary>
internal sealed record TermCountKey(string TemplateId, string Day, string Language, string Term);

/// <summary>Comments containing a term, per band (collection <c>comment_term_counts</c>); term "" counts the comments.</summary>
internal sealed class TermCountDocument
{
    public required TermCountKey Id { get; init; }
    public required SurveyKind Kind { get; init; }
    public long Low { get; init; }
    public long Middle { get; init; }
    public long High { get; init; }
}

/// <summary>The analysis version the counts were last rebuilt with (collection <c>comment_term_state</c>, one document).</summary>
internal sealed class TermStateDocument
{
    public const string AnalysisId = "analysis";

    public required string Id { get; init; }
    public required int Version { get; init; }
}
