using System.ComponentModel;
using Feedback.Core.Common;
using Feedback.Core.Surveys;

namespace Feedback.Api.Features.Surveys;

[Description("The customer to survey. `email` is required unless the survey is a link survey. `locale` (BCP 47) picks the content, `timeZone` (IANA id, UTC when absent) the send window.")]
public sealed record CustomerDto(string? Id, string? Email, string? Name, string? Locale, string? TimeZone)
{
    /// <summary>
    /// Checks the fields; with <paramref name="emailRequired"/> false a missing e-mail is allowed (the survey may be a
    /// link survey; the scheduler decides once it knows the template).
    /// </summary>
    public void Validate(string prefix, ValidationErrors errors, bool emailRequired = true)
    {
        Required($"{prefix}.id", Id, Ids.MaxLength, errors);
        if (string.IsNullOrWhiteSpace(Email))
        {
            if (emailRequired)
            {
                errors.Add($"{prefix}.email", "is required");
            }
        }
        else if (!Emails.IsValid(Email.Trim()))
        {
            errors.Add($"{prefix}.email", "must be a valid e-mail address");
        }
        if (Name is { Length: > 200 })
        {
            errors.Add($"{prefix}.name", "must be at most 200 characters");
        }
        if (Locale is not null && !Locales.IsValid(Locale))
        {
            errors.Add($"{prefix}.locale", "must be a language tag such as sk, pl-PL or he");
        }
        if (TimeZone is not null && !TimeZones.TryFind(TimeZone, out _))
        {
            errors.Add($"{prefix}.timeZone", "must be an IANA time zone id such as Europe/Bratislava");
        }
    }

    /// <summary>Call only after <see cref="Validate"/> found no errors.</summary>
    public Customer ToCustomer() => new(Id!, string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), Name, Locale, TimeZone);

    public static CustomerDto From(Customer c) => new(c.Id, c.Email, c.Name, c.Locale, c.TimeZone);

    public static void Required(string field, string? value, int maxLength, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
        }
    }
}
