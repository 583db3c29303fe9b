using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Core.Themes;

/// <summary>
/// What one response's comment adds to the term counts: one count per term in its template, UTC answer day, language
/// and score band. The stores keep it beside the counts, so a changed answer or an erasure takes back exactly what was
/// added, whatever the analysis would make of the old comment today.
/// </summary>
public sealed record CommentTerms
{
    public required string ResponseId { get; init; }
    public required string CustomerId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required DateOnly Day { get; init; }
    public required string Language { get; init; }
    public required ScoreBand Band { get; init; }
    /// <summary>Each term once, unigrams and two-word phrases.</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>The count rows a comment adds to: 1 to each term and to the comments row, its number of terms to the occurrences row.</summary>
    public IEnumerable<(string Term, int Count)> Rows() =>
        Terms.Select(t => (t, 1)).Prepend((TermCount.Occurrences, Terms.Count)).Prepend((TermCount.Comments, 1));

    /// <summary>
    /// The terms of <paramref name="stored"/>, the answer as a store decided to keep it, reusing <paramref name="analysed"/>
    /// (the terms of <paramref name="received"/>, found before the write) unless the store kept an earlier comment or day.
    /// </summary>
    public static CommentTerms? Of(SurveyResponse stored, SurveyResponse received, CommentTerms? analysed) =>
        stored.Comment == received.Comment && stored.AnsweredAt == received.AnsweredAt && stored.Score == received.Score
            ? analysed
            : Of(stored);

    /// <summary>The response's comment as counted terms; null when it has no comment.</summary>
    public static CommentTerms? Of(SurveyResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Comment))
        {
            return null;
        }
        var text = CommentAnalyzer.Analyze(response.Comment, response.Locale);
        return new CommentTerms
        {
            ResponseId = response.Id,
            CustomerId = response.CustomerId,
            TemplateId = response.TemplateId,
            Kind = response.Kind,
            Day = RollupKeys.Day(response.AnsweredAt),
            Language = text.Language,
            Band = response.Kind.Band(response.Score),
            Terms = text.Terms,
        };
    }
}
