using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Templates;

namespace Feedback.Core.Themes;

/// <summary>A theme query: answers of a kind (or all), a template (or all), UTC days [From, To) and property filters.</summary>
public sealed record ThemeQuery(
    SurveyKind? Kind,
    string? TemplateId,
    DateOnly From,
    DateOnly To,
    IReadOnlyDictionary<string, string> Properties,
    ScoreBand Segment,
    int Top);

/// <summary>The findings and where they were counted: <c>counts</c> (the stored term counts) or <c>responses</c>.</summary>
public sealed record ThemeReport(ThemeFindings Findings, string Source);

/// <summary>A comment containing a term, and where the term is in it.</summary>
public sealed record ThemeMatch(SurveyResponse Response, IReadOnlyList<TermOccurrence> Occurrences);

/// <summary>
/// Finds comment themes. Without property filters it reads the stored term counts (cost: days × terms, whatever the number
/// of comments); the counts have no property dimension, so with filters it analyses the matching comments instead.
/// </summary>
public sealed class ThemeService(ICommentTermStore terms, IResponseStore responses)
{
    public const int ExamplesPerTheme = 3;

    /// <summary>A match page reads at most this many comments, so one request stays short; the cursor goes on from there.</summary>
    public const int MaxScannedPerPage = 5000;

    public async Task<ThemeReport> FindAsync(ThemeQuery query, CancellationToken ct = default)
    {
        if (query.Properties.Count > 0)
        {
            return new ThemeReport(await FromResponsesAsync(query, ct), "responses");
        }
        var days = new TermCountQuery(query.Kind, query.TemplateId, query.From, query.To);
        var counts = await terms.CountAsync(days, query.Segment, ThemeFinder.MinSegmentComments, ct);
        var findings = ThemeFinder.Find(counts, query.Segment, query.Top);
        var examples = (await terms.ExamplesAsync(days, new HashSet<ScoreBand> { query.Segment },
                [.. findings.Themes.Select(t => (t.Language, t.Term))], ExamplesPerTheme, ct))
            .ToLookup(e => (e.Language, e.Term), e => e.ResponseId);
        return new ThemeReport(
            findings with { Themes = [.. findings.Themes.Select(t => t with { Examples = [.. examples[(t.Language, t.Term)]] })] },
            "counts");
    }

    /// <summary>
    /// The query's comments containing <paramref name="term"/> in <paramref name="language"/> (of <paramref name="segment"/>
    /// when given), in list order (answer time, then id) after <paramref name="after"/>, with the term's places in each.
    /// </summary>
    public async Task<Page<ThemeMatch>> MatchesAsync(ThemeQuery query, string language, string term, ScoreBand? segment,
        ResponsePosition? after, int limit, CancellationToken ct = default)
    {
        var matches = new List<ThemeMatch>();
        var scanned = 0;
        var cursor = after;
        while (true)
        {
            var page = await responses.ListAsync(Comments(query) with { After = cursor, Limit = PageCursor.MaxLimit }, ct);
            foreach (var response in page.Items)
            {
                scanned++;
                cursor = ResponsePosition.Of(response);
                if (segment is { } band && response.Kind.Band(response.Score) != band)
                {
                    continue;
                }
                var text = CommentAnalyzer.Analyze(response.Comment!, response.Locale);
                var places = text.Occurrences.Where(o => o.Term == term).ToList();
                if (text.Language == language && places.Count > 0)
                {
                    matches.Add(new ThemeMatch(response, places));
                    if (matches.Count == limit)
                    {
                        return new Page<ThemeMatch>(matches, page.NextCursor is null && response == page.Items[^1] ? null : PageCursor.Encode(cursor.Key));
                    }
                }
            }
            if (page.NextCursor is null)
            {
                return new Page<ThemeMatch>(matches, null);
            }
            if (scanned >= MaxScannedPerPage)
            {
                return new Page<ThemeMatch>(matches, PageCursor.Encode(cursor!.Key));
            }
        }
    }

    private async Task<ThemeFindings> FromResponsesAsync(ThemeQuery query, CancellationToken ct)
    {
        var tally = new TermTally();
        var examples = new Dictionary<(string, string), Queue<string>>();
        await foreach (var response in responses.StreamAsync(Comments(query), ct))
        {
            if (CommentTerms.Of(response) is not { } comment)
            {
                continue;
            }
            tally.Add(comment);
            if (comment.Band != query.Segment)
            {
                continue;
            }
            // The newest examples, like the stored path: the stream is in id order, so the last ones seen.
            foreach (var term in comment.Terms)
            {
                if (!examples.TryGetValue((comment.Language, term), out var ids))
                {
                    examples[(comment.Language, term)] = ids = new Queue<string>();
                }
                if (ids.Count == ExamplesPerTheme)
                {
                    ids.Dequeue();
                }
                ids.Enqueue(response.Id);
            }
        }
        var findings = ThemeFinder.Find(tally.ToCounts(), query.Segment, query.Top);
        return findings with
        {
            Themes = [.. findings.Themes.Select(t => t with { Examples = [.. examples[(t.Language, t.Term)].Reverse()] })],
        };
    }

    private static ResponseQuery Comments(ThemeQuery query) => new()
    {
        TemplateId = query.TemplateId,
        Kind = query.Kind,
        From = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        To = new DateTimeOffset(query.To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        HasComment = true,
        Properties = query.Properties,
    };
}
