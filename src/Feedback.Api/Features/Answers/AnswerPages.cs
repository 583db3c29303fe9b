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
        AppendLabels(body, view);
        var status = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return HtmlPage.Render(status, view.Locale, view.Strings.Title, body.ToString(), view.Embed);
    }

    /// <summary>A 400 for a clicked score that is not a number on the kind's scale: the question again, with the valid range.</summary>
    public static HtmlPage BadScore(SurveyView view, PathString pathBase) =>
        Question(view, pathBase, BadScoreText(view));

    /// <summary>A 400 for a form posted without a valid score: the form again, with the comment as it was typed.</summary>
    public static HtmlPage BadScoreForm(SurveyView view, PathString pathBase, string? comment, IReadOnlyList<string> reasons) =>
        AnswerForm(view, pathBase, score: null, comment, reasons, BadScoreText(view));

    /// <summary>A 400 for a form posted with a reason the template does not have: the thank-you form again, as it was filled in.</summary>
    public static HtmlPage BadReason(SurveyView view, PathString pathBase, int score, string? comment, IReadOnlyList<string> reasons) =>
        ThankYou(view, pathBase, score, comment, reasons, error: view.Strings.BadReason);

    /// <summary>
    /// The whole answer as one form: a radio button per score (<paramref name="score"/> chosen) and the comment box. A
    /// second visit to an answered survey shows the recorded answer this way, ready to change, with the reasons ticked when
    /// its score asks for them; with <paramref name="error"/> it is the 400 page of a form posted without a valid score.
    /// </summary>
    public static HtmlPage AnswerForm(
        SurveyView view, PathString pathBase, int? score, string? comment, IReadOnlyList<string> reasons, string? error = null)
    {
        var (min, max) = view.Kind.Range();
        var body = new StringBuilder();
        AppendError(body, error);
        body.Append("<h1 id=\"question\">").Append(view.QuestionHtml).Append("</h1>\n");
        if (score is { } recorded)
        {
            body.Append("<p>").Append(Encode(Format(view.Strings.YourScore, recorded))).Append("</p>\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{view.Href(pathBase)}\">\n");
        body.Append("<fieldset class=\"scale\" aria-labelledby=\"question\">\n");
        for (var value = min; value <= max; value++)
        {
            var chosen = value == score ? " checked" : "";
            body.Append(CultureInfo.InvariantCulture, $"<label><input type=\"radio\" name=\"score\" value=\"{value}\" required{chosen}>{value}</label>\n");
        }
        body.Append("</fieldset>\n");
        AppendLabels(body, view);
        AppendReasons(body, view, score, reasons);
        AppendCommentBox(body, view, comment);
        var status = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return HtmlPage.Render(status, view.Locale, view.Strings.Title, body.ToString(), view.Embed);
    }

    /// <summary>
    /// The thank-you page with the comment form (score kept in a hidden field) and, when the score asks for them, the
    /// reasons as checkboxes (<paramref name="reasons"/> ticked). <paramref name="comment"/> fills the box: the saved
    /// comment, or on a 400 page the comment that was too long, so nothing typed is lost.
    /// </summary>
    public static HtmlPage ThankYou(
        SurveyView view, PathString pathBase, int score, string? comment, IReadOnlyList<string> reasons, bool saved = false, string? error = null)
    {
        var strings = view.Strings;
        var tooLong = comment is { Length: > AnswerService.MaxCommentLength };
        error ??= tooLong ? Format(strings.CommentTooLong, comment!.Length, AnswerService.MaxCommentLength) : null;
        var body = new StringBuilder();
        body.Append("<h1>").Append(view.ThankYouHtml).Append("</h1>\n");
        body.Append("<p>").Append(Encode(Format(strings.YourScore, score))).Append("</p>\n");
        AppendError(body, error);
        if (saved && error is null)
        {
            body.Append("<p class=\"note\" role=\"status\">").Append(Encode(strings.Saved)).Append("</p>\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="{view.Href(pathBase)}">
            <input type="hidden" name="score" value="{score}">

            """);
        AppendReasons(body, view, score, reasons);
        AppendCommentBox(body, view, comment);
        var status = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
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

    private static string BadScoreText(SurveyView view)
    {
        var (min, max) = view.Kind.Range();
        return Format(view.Strings.BadScore, min, max);
    }

    private static void AppendLabels(StringBuilder body, SurveyView view)
    {
        if (view.LowLabelHtml is not null || view.HighLabelHtml is not null)
        {
            body.Append($"<p class=\"labels\"><span>{view.LowLabelHtml}</span><span>{view.HighLabelHtml}</span></p>\n");
        }
    }

    /// <summary>The template's reasons as checkboxes named <c>reason</c>, when <paramref name="score"/> asks for them.</summary>
    private static void AppendReasons(StringBuilder body, SurveyView view, int? score, IReadOnlyList<string> ticked)
    {
        if (!view.AsksReasons(score))
        {
            return;
        }
        body.Append("<fieldset class=\"reasons\">\n<legend>").Append(Encode(view.Strings.ReasonsPrompt)).Append("</legend>\n");
        foreach (var (code, labelHtml) in view.Reasons)
        {
            var chosen = ticked.Contains(code, StringComparer.Ordinal) ? " checked" : "";
            // Codes are lowercase letters, digits, '_' and '-' (validated), encoded anyway.
            body.Append(CultureInfo.InvariantCulture,
                $"<label><input type=\"checkbox\" name=\"reason\" value=\"{Encode(code)}\"{chosen}>{labelHtml}</label>\n");
        }
        body.Append("</fieldset>\n");
    }

    /// <summary>The comment box and the send button, closing the form they are in.</summary>
    private static void AppendCommentBox(StringBuilder body, SurveyView view, string? comment)
    {
        // The newline after <textarea> is eaten by the HTML parser, so a comment that starts with one keeps it.
        body.Append(CultureInfo.InvariantCulture, $"""
            <label for="comment">{view.CommentPromptHtml}</label>
            <textarea id="comment" name="comment" rows="6" maxlength="{AnswerService.MaxCommentLength}">

            """);
        body.Append(Encode(comment ?? "")).Append("</textarea>\n");
        body.Append("<button type=\"submit\">").Append(Encode(view.Strings.Send)).Append("</button>\n</form>\n");
    }

    private static void AppendError(StringBuilder body, string? error)
    {
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>\n");
        }
    }
}
