using System.ComponentModel.DataAnnotations;
using Feedback.Core.Common;

namespace Feedback.Email.SendGrid;

/// <summary>The sender of survey e-mails, for SendGrid and the dev mailbox alike.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Feedback:Email";

    /// <summary>Sender address; with SendGrid it must belong to a verified sender or domain.</summary>
    public string From { get; set; } = "surveys@example.com";

    /// <summary>Display name of the sender; empty for none.</summary>
    public string? FromName { get; set; } = "Feedback";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Emails.IsValid(From))
        {
            yield return new($"{SectionName}:From must be an e-mail address.", [nameof(From)]);
        }
        if (FromName is { } name && (name.Length > 100 || name.Any(char.IsControl)))
        {
            yield return new($"{SectionName}:FromName must be one line of at most 100 characters.", [nameof(FromName)]);
        }
    }

    /// <summary><c>Feedback &lt;surveys@example.com&gt;</c>, or the bare address without a name.</summary>
    public string Display => string.IsNullOrWhiteSpace(FromName) ? From : $"{FromName} <{From}>";
}
