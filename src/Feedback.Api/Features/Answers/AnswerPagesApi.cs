using System.Globalization;
using Feedback.Core.Responses;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Primitives;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// The customer pages: <c>/s/{token}</c> answers a survey (one click from the e-mail, then an optional comment),
/// <c>/u/{token}</c> unsubscribes. The token in the URL is the only credential; no API key, no cookies.
/// </summary>
public static class AnswerPagesApi
{
    public static IServiceCollection AddAnswerPages(this IServiceCollection services)
    {
        services.AddOptions<PagesOptions>().BindConfiguration(PagesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, CustomerPageLimit>(CustomerPageLimit.Name));
    }

    public static IEndpointRouteBuilder MapAnswerPages(this IEndpointRouteBuilder app)
    {
        // Pages for people, not part of the REST API document.
        var pages = app.MapGroup("")
            .ExcludeFromDescription()
            .AllowAnonymous()
            .RequireRateLimiting(CustomerPageLimit.Name);

        // No antiforgery token: forgery rides on credentials the browser adds by itself (cookies), and these pages have
        // none. The credential is the unguessable token in the URL the form posts to, so whoever can forge the post
        // already holds the token and could answer directly. RFC 8058 one-click posts come from mail providers, which
        // could not send an antiforgery token anyway.
        pages.MapGet("/s/{token}", ShowAsync);
        pages.MapPost("/s/{token}", AnswerAsync)
            .DisableAntiforgery();
        pages.MapGet("/u/{token}", UnsubscribePages.ConfirmAsync);
        pages.MapPost("/u/{token}", UnsubscribePages.UnsubscribeAsync)
            .DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// <c>GET /s/{token}</c> shows the question, or on a second visit the recorded answer in a form to change it; with
    /// <c>?score=N</c> it records that score (one click) and thanks. With <c>?embed=1</c> the same pages come without the
    /// outer layout, frameable by <see cref="PagesOptions.FrameAncestors"/>.
    /// </summary>
    public static async Task<HtmlPage> ShowAsync(string token, HttpRequest request, AnswerService answers, CancellationToken ct)
    {
        if (!request.Query.TryGetValue("score", out var raw))
        {
            var context = await answers.OpenAsync(token, ct);
            if (ProblemPage(context, request) is { } problem)
            {
                return problem;
            }
            return await answers.RecordedAsync(context, ct) is { } recorded
                ? AnswerPages.AnswerForm(View(context, request), request.PathBase, recorded.Score, recorded.Comment, recorded.Reasons)
                : AnswerPages.Question(View(context, request), request.PathBase);
        }
        if (!TryParseScore(raw, out var score))
        {
            var context = await answers.OpenAsync(token, ct);
            return ProblemPage(context, request) ?? AnswerPages.BadScore(View(context, request), request.PathBase);
        }
        // A null comment keeps the words and reasons given earlier: a second click changes the score only.
        var (answered, response) = await answers.AnswerAsync(token, score, comment: null, reasons: null, ct);
        return ProblemPage(answered, request)
            ?? AnswerPages.ThankYou(View(answered, request), request.PathBase, response!.Score, response.Comment, response.Reasons);
    }

    /// <summary>
    /// <c>POST /s/{token}</c> (form <c>score</c>, <c>comment</c>, <c>reason</c> repeated per ticked box) records or changes
    /// the answer; reasons are kept when the score asks for them.
    /// </summary>
    public static async Task<HtmlPage> AnswerAsync(string token, HttpRequest request, AnswerService answers, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        // Browsers send a textarea's line breaks as CRLF but count them as one character against maxlength.
        var comment = form.TryGetValue("comment", out var text) && text.Count > 0 ? text[0]?.ReplaceLineEndings("\n") : null;
        string[] reasons = [.. form["reason"].OfType<string>()];
        if (!TryParseScore(form["score"], out var score))
        {
            var context = await answers.OpenAsync(token, ct);
            return ProblemPage(context, request) ?? AnswerPages.BadScoreForm(View(context, request), request.PathBase, comment, reasons);
        }
        var (answered, response) = await answers.AnswerAsync(token, score, comment, reasons, ct);
        return ProblemPage(answered, request, new Posted(score, comment, reasons))
            ?? AnswerPages.ThankYou(View(answered, request), request.PathBase, response!.Score, response.Comment, response.Reasons,
                saved: response.Comment is not null || response.Reasons.Count > 0);
    }

    /// <summary>What a form post carried, to show it again on a 400 page: nothing typed or ticked is lost.</summary>
    private sealed record Posted(int Score, string? Comment, IReadOnlyList<string> Reasons);

    // ?embed=1 (on the form's action too, so the thank-you page stays embedded): the page for an iframe.
    private static SurveyView View(AnswerContext context, HttpRequest request) =>
        SurveyView.From(context) with { Embed = request.Query["embed"] == "1" };

    /// <summary>The page for a context that cannot be answered as asked, or null when it can.</summary>
    private static HtmlPage? ProblemPage(AnswerContext context, HttpRequest request, Posted? posted = null) => context.Problem switch
    {
        null => null,
        AnswerProblem.UnknownToken => AnswerPages.NotFound(request),
        AnswerProblem.Expired => AnswerPages.Message(StatusCodes.Status410Gone, context.Survey!.Locale, s => s.Expired),
        AnswerProblem.InvalidScore => posted is null
            ? AnswerPages.BadScore(View(context, request), request.PathBase)
            : AnswerPages.BadScoreForm(View(context, request), request.PathBase, posted.Comment, posted.Reasons),
        // The too-long comment goes back into the box with the score it came with (only a form post carries a comment).
        AnswerProblem.CommentTooLong => AnswerPages.ThankYou(View(context, request), request.PathBase, posted!.Score, posted.Comment, posted.Reasons),
        AnswerProblem.InvalidReason => AnswerPages.BadReason(View(context, request), request.PathBase, posted!.Score, posted.Comment, posted.Reasons),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context.Problem, "Unknown answer problem."),
    };

    // A body that is not a form, or a malformed one, reads as an empty form: a 400 page, not a 500.
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        }
        // A multipart body that does not match its boundary ends the stream early (IOException); a body over the size
        // limit is an IOException too, but must stay a 413.
        catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException)
        {
            return FormCollection.Empty;
        }
    }

    // Digits only: "+5", " 5", "5.0" and "-1" are not scores a button sends.
    private static bool TryParseScore(StringValues raw, out int score)
    {
        score = 0;
        return raw.Count == 1 && raw[0] is { Length: > 0 and <= 3 } value
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out score);
    }
}
