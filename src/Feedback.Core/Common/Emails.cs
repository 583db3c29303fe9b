using System.Net.Mail;

namespace Feedback.Core.Common;

/// <summary>E-mail addresses: a pragmatic validity check and the lower-cased form used as a key.</summary>
public static class Emails
{
    public static bool IsValid(string? email) =>
        email is { Length: > 2 and <= 254 }
        && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.');

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
