using System.Text.RegularExpressions;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Delivery;

/// <summary>
/// Renders a batch: one shared HTML and text body per template and locale, and per recipient the subject, the
/// question and the scale labels as substitution values. Labels are always per recipient (tags
/// <see cref="EmailLayout.LowLabelHtml"/> …), never rendered once for the batch: a label may hold placeholders,
/// and one rule for every text is simpler than telling static labels from dynamic ones.
/// </summary>
public sealed partial class SurveyEmailRenderer(IPublicUrls urls) : ISurveyEmailRenderer
{
    public const int MaxSubjectLength = 200;

    [GeneratedRegex(@"[\s\p{Cc}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceAndControls();

    public EmailBatch Render(SurveyTemplate template, string locale, IReadOnlyList<Survey> surveys)
    {
        if (!template.Content.TryGetValue(locale, out var content))
        {
            throw new ArgumentException($"Template '{template.Id}' has no content for locale '{locale}'.", nameof(locale));
        }
        var baseUrl = urls.BaseUrl.TrimEnd('/');
        var labels = template.LabelsFor(locale);
        var layout = new EmailLayout(baseUrl, locale, template.Kind, labels.Low is not null, labels.High is not null);
        var recipients = surveys.Select(survey => Recipient(baseUrl, content, labels, survey)).ToList();
        return new EmailBatch(template.Id, locale, layout.Html(), layout.Text(), recipients);
    }

    private static EmailRecipient Recipient(string baseUrl, LocaleContent content, (string? Low, string? High) labels, Survey survey)
    {
        var model = LiquidText.Model(survey);
        var subject = Subject(content.Subject, model);
        // Tokens are URL-safe base64 already; escaping keeps a foreign token from breaking the link or the HTML.
        var token = Uri.EscapeDataString(survey.Token);
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SubstitutionTags.Token] = token,
            [SubstitutionTags.QuestionHtml] = Html(content.Question, model),
            [SubstitutionTags.QuestionText] = Text(content.Question, model),
            // The HTML part's <title>: mail clients show it in previews and browser tabs, and an empty one reads as a bug.
            [SubstitutionTags.SubjectHtml] = TagSafe.Html(LiquidText.Html.Encode(subject)),
        };
        if (labels.Low is { } low)
        {
            substitutions[EmailLayout.LowLabelHtml] = Html(low, model);
            substitutions[EmailLayout.LowLabelText] = Text(low, model);
        }
        if (labels.High is { } high)
        {
            substitutions[EmailLayout.HighLabelHtml] = Html(high, model);
            substitutions[EmailLayout.HighLabelText] = Text(high, model);
        }
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["List-Unsubscribe"] = $"<{EmailLayout.UnsubscribeUrl(baseUrl, token)}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        // Only e-mail surveys reach the renderer, and the scheduler gives none of them a customer without an address.
        return new EmailRecipient(
            survey.Id, survey.Customer.Email!, survey.Customer.Name, subject, substitutions, headers);
    }

    private static string Html(string source, IReadOnlyDictionary<string, object> model) =>
        TagSafe.Html(LiquidText.Render(source, model, LiquidText.Html));

    private static string Text(string source, IReadOnlyDictionary<string, object> model) =>
        TagSafe.Text(LiquidText.Render(source, model, LiquidText.Raw));

    // A header value: one line (a newline in a name must not start a new header), bounded, no tags (SendGrid substitutes in subjects).
    private static string Subject(string source, IReadOnlyDictionary<string, object> model)
    {
        var line = TagSafe.Text(WhitespaceAndControls().Replace(LiquidText.Render(source, model, LiquidText.Raw), " ").Trim());
        if (line.Length <= MaxSubjectLength)
        {
            return line;
        }
        var cut = char.IsHighSurrogate(line[MaxSubjectLength - 1]) ? MaxSubjectLength - 1 : MaxSubjectLength;
        return line[..cut].TrimEnd();
    }
}
