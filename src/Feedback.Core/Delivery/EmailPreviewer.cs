using Feedback.Core.Common;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Delivery;

/// <summary>A template's e-mail as one customer would read it: the subject and both bodies with every substitution applied.</summary>
public sealed record EmailPreview(string Locale, bool RightToLeft, string Subject, string Html, string Text);

/// <summary>
/// Renders a preview with the renderer that sends, from a survey that exists only in memory. Its token is
/// <see cref="Token"/>, which no stored survey can have (real tokens are long random strings), so the preview's score
/// and unsubscribe links answer nothing.
/// </summary>
public sealed class EmailPreviewer(ISurveyEmailRenderer renderer, TimeProvider time)
{
    public const string Token = "preview";

    /// <summary>The customer a preview without one is rendered for: no name, so greetings render as they would for an unnamed customer.</summary>
    public static readonly Customer Anonymous = new("preview", "preview@example.invalid");

    public EmailPreview Render(
        SurveyTemplate template, string locale, Customer? customer, string? subjectId, IReadOnlyDictionary<string, string> properties)
    {
        var recipient = (customer ?? Anonymous) with { Locale = locale };
        var (contentLocale, _) = template.ContentFor(locale);
        var now = time.GetUtcNow();
        var survey = new Survey
        {
            Id = Token,
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            Kind = template.Kind,
            SubjectId = subjectId ?? Token,
            Customer = recipient,
            Locale = contentLocale,
            Properties = properties,
            Status = SurveyStatus.Scheduled,
            SendAt = now,
            CreatedAt = now,
            Token = Token,
        };
        var batch = renderer.Render(template, contentLocale, [survey]);
        var email = batch.Recipients[0];
        return new EmailPreview(
            contentLocale, Locales.IsRightToLeft(contentLocale), email.Personalize(email.Subject), email.Personalize(batch.Html), email.Personalize(batch.Text));
    }
}
