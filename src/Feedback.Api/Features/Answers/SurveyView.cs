using Feedback.Core.Delivery;
using Feedback.Core.Responses;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// What the pages of one survey show, rendered once: template texts are Liquid with the survey's customer, subject and
/// properties, HTML-escaped exactly as in the e-mail; missing texts fall back to our words in the survey's locale.
/// </summary>
internal sealed record SurveyView(
    string Locale,
    string Token,
    SurveyKind Kind,
    PageStrings Strings,
    string QuestionHtml,
    string? LowLabelHtml,
    string? HighLabelHtml,
    string CommentPromptHtml,
    string ThankYouHtml)
{
    /// <summary>Shown in a frame (<c>?embed=1</c>): the page without its outer layout, and its links stay embedded.</summary>
    public bool Embed { get; init; }

    /// <summary>The template's reasons (null: it asks none) and their labels in the page's content locale, HTML-escaped.</summary>
    public TemplateReasons? ReasonRule { get; init; }

    public IReadOnlyList<(string Code, string LabelHtml)> Reasons { get; init; } = [];

    /// <summary>Whether a page about an answer of <paramref name="score"/> offers the reasons (Core's rule).</summary>
    public bool AsksReasons(int? score) => ReasonRule is { } rule && score is { } s && rule.Asks(s);

    /// <summary>
    /// A link to the survey's page (with <paramref name="score"/>: its one-click link), escaped for an attribute (the
    /// token is URL-safe base64, escaped anyway). An embedded page links to embedded pages.
    /// </summary>
    public string Href(PathString pathBase, int? score = null)
    {
        var query = (score, Embed) switch
        {
            (null, false) => "",
            (null, true) => "?embed=1",
            ({ } s, false) => $"?score={s}",
            ({ } s, true) => $"?score={s}&embed=1",
        };
        return LiquidText.Html.Encode($"{pathBase}/s/{Uri.EscapeDataString(Token)}{query}");
    }

    public static SurveyView From(AnswerContext context)
    {
        var survey = context.Survey ?? throw new ArgumentException("An answer context without a survey has nothing to show.", nameof(context));
        var strings = PageStrings.For(survey.Locale);
        // The template version the survey was sent with; a survey whose template vanished still gets a usable page.
        LocaleContent? content = null;
        (string? Low, string? High) labels = default;
        IReadOnlyList<(string Code, string Label)> reasons = [];
        if (context.Template is { } template)
        {
            (var contentLocale, content) = template.ContentFor(survey.Locale);
            labels = template.LabelsFor(contentLocale);
            reasons = template.ReasonLabelsFor(contentLocale);
        }
        var model = LiquidText.Model(survey);
        string? Render(string? source) =>
            string.IsNullOrWhiteSpace(source) ? null : LiquidText.Render(source, model, LiquidText.Html);

        return new SurveyView(
            survey.Locale,
            survey.Token,
            survey.Kind,
            strings,
            Render(content?.Question) ?? LiquidText.Html.Encode(strings.Title),
            Render(labels.Low),
            Render(labels.High),
            Render(content?.CommentPrompt) ?? LiquidText.Html.Encode(strings.CommentPrompt),
            Render(content?.ThankYou) ?? LiquidText.Html.Encode(strings.ThankYou))
        {
            ReasonRule = context.Template?.Reasons,
            // Reason labels are plain text, not Liquid: escaped only.
            Reasons = [.. reasons.Select(r => (r.Code, LiquidText.Html.Encode(r.Label)))],
        };
    }
}
