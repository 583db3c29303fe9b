using System.Globalization;
using System.Text;
using Feedback.Core.Delivery;
using Feedback.Core.Responses;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// The customer pages as HTML. Every value that is not our own markup goes through the HTML encoder (template texts
/// are escaped while rendering, in <see cref="SurveyView"/>); no page needs JavaScript.
/// </summary>
internal static class AnswerPages
{
    private static string Encode(string value) => LiquidText.Html.Encode(value);

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    /// <summary>The question with one link per score; with <paramref name="error"/> it is the 400 page of a bad score.</summary>
    public static HtmlPage Question(SurveyView view, PathString pathBase, string? error = null)
    {
        var (min, max) = view.Kind.Range();
        var body = new StringBuilder();
        AppendError(body, error);
        body.Append("<h1>").Append(view.QuestionHtml).Append("</h1>\n<ul class=\"scale\">\n");
        for (var score = min; score <= max; score++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{view.Href(pathBase, score)}\">{score}</a></li>\n");
        }
        body.Append("</ul>\n");
        if (view.LowLabelHtml is not null || view.HighLabelHtml is not null)
        {
            body.Append($"<p class=\"labels\"><span>{view.LowLabelHtml}</span><span>{view.HighLabelHtml}</span></p>\n");
        }
        var status = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return HtmlPage.Render(status, view.Locale, view.Strings.Title, body.ToString(), view.Embed);
    }

    /// <summary>A 400 for a score that is not a number on the kind's scale: the question again, with the valid range.</summary>
    public static HtmlPage BadScore(SurveyView view, PathString pathBase)
    {
        var (min, max) = view.Kind.Range();
        return Question(view, pathBase, Format(view.Strings.BadScore, min, max));
    }

    /// <summary>
    /// The thank-you page with the comment form (score kept in a hidden field). <paramref name="comment"/> fills the
    /// box: the saved comment, or on the 400 page the comment that was too long, so nothing typed is lost.
    /// </summary>
    public static HtmlPage ThankYou(SurveyView view, PathString pathBase, int score, string? comment, bool saved = false)
    {
        var strings = view.Strings;
        var tooLong = comment is { Length: > AnswerService.MaxCommentLength };
        var body = new StringBuilder();
        body.Append("<h1>").Append(view.ThankYouHtml).Append("</h1>\n");
        body.Append("<p>").Append(Encode(Format(strings.YourScore, score))).Append("</p>\n");
        AppendError(body, tooLong ? Format(strings.CommentTooLong, comment!.Length, AnswerService.MaxCommentLength) : null);
        if (saved && !tooLong)
        {
            body.Append("<p class=\"note\" role=\"status\">").Append(Encode(strings.Saved)).Append("</p>\n");
        }
        // The newline after <textarea> is eaten by the HTML parser, so a comment that starts with one keeps it.
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="{view.Href(pathBase)}">
            <input type="hidden" name="score" value="{score}">
            <label for="comment">{view.CommentPromptHtml}</label>
            <textarea id="comment" name="comment" rows="6" maxlength="{AnswerService.MaxCommentLength}">

            """);
        body.Append(Encode(comment ?? "")).Append("</textarea>\n");
        body.Append("<button type=\"submit\">").Append(Encode(strings.Send)).Append("</button>\n</form>\n");
        var status = tooLong ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return HtmlPage.Render(status, view.Locale, strings.Title, body.ToString(), view.Embed);
    }

    /// <summary>404 (unknown token) and 410 (expired): a sentence, nothing to answer.</summary>
    public static HtmlPage Message(int statusCode, string locale, Func<PageStrings, string> text)
    {
        var strings = PageStrings.For(locale);
        return HtmlPage.Render(statusCode, locale, strings.Title, $"<h1>{Encode(strings.Title)}</h1>\n<p>{Encode(text(strings))}</p>\n");
    }

    public static HtmlPage NotFound(HttpRequest request) =>
        Message(StatusCodes.Status404NotFound, PageStrings.LocaleOf(request), s => s.NotFound);

    /// <summary>Asks before unsubscribing: link checkers and mail scanners open links (GET) but do not submit forms.</summary>
    public static HtmlPage UnsubscribeConfirm(string locale, string token, PathString pathBase)
    {
        var strings = PageStrings.For(locale);
        var action = Encode($"{pathBase}/u/{Uri.EscapeDataString(token)}");
        return HtmlPage.Render(StatusCodes.Status200OK, locale, strings.UnsubscribeTitle, $"""
            <h1>{Encode(strings.UnsubscribeTitle)}</h1>
            <p>{Encode(strings.UnsubscribeQuestion)}</p>
            <form method="post" action="{action}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">{Encode(strings.UnsubscribeButton)}</button>
            </form>
            """);
    }

    public static HtmlPage Unsubscribed(string locale)
    {
        var strings = PageStrings.For(locale);
        return HtmlPage.Render(StatusCodes.Status200OK, locale, strings.UnsubscribeTitle,
            $"<h1>{Encode(strings.UnsubscribeTitle)}</h1>\n<p class=\"note\" role=\"status\">{Encode(strings.Unsubscribed)}</p>\n");
    }

    private static void AppendError(StringBuilder body, string? error)
    {
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>\n");
        }
    }
}
