using System.Text.RegularExpressions;
using Feedback.Core.Delivery;
using SendGrid.Helpers.Mail;

namespace Feedback.Email.SendGrid;

/// <summary>Maps a batch to one v3 mail/send message: shared contents, one personalization per recipient.</summary>
internal static partial class SendGridMessages
{
    public const string SurveyIdArgument = "survey_id";

    // SendGrid has refused display names with ',' or ';' (and control characters break headers); one odd customer
    // name must not get a whole batch of up to 1000 e-mails rejected, so those characters become spaces.
    [GeneratedRegex(@"[,;\p{Cc}\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameBreakers();

    public static SendGridMessage Create(EmailBatch batch, EmailOptions email) => new()
    {
        From = new EmailAddress(email.From, DisplayName(email.FromName)),
        PlainTextContent = batch.Text,
        HtmlContent = batch.Html,
        Personalizations = batch.Recipients.Select(Personalization).ToList(),
    };

    private static Personalization Personalization(EmailRecipient recipient) => new()
    {
        Tos = [new EmailAddress(recipient.Email, DisplayName(recipient.Name))],
        Subject = recipient.Subject,
        Substitutions = new Dictionary<string, string>(recipient.Substitutions),
        Headers = new Dictionary<string, string>(recipient.Headers),
        CustomArgs = new Dictionary<string, string> { [SurveyIdArgument] = recipient.SurveyId },
    };

    internal static string? DisplayName(string? name)
    {
        var clean = name is null ? "" : NameBreakers().Replace(name, " ").Trim();
        return clean.Length == 0 ? null : clean;
    }
}
