namespace Feedback.Core.Delivery;

/// <summary>One e-mail as its recipient would read it (substitutions applied).</summary>
public sealed record DevMailboxMessage(
    long Id,
    string SurveyId,
    string From,
    string To,
    string? Name,
    string Subject,
    string Html,
    string Text,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset SentAt);

/// <summary>
/// Where e-mails are kept instead of sent while no mail provider is configured (development): read by the dev mailbox
/// pages, and emptied of a customer's messages when the customer is erased. Empty, and not in use, once a provider sends.
/// </summary>
public interface IDevMailbox
{
    /// <summary>True when e-mails go to this mailbox instead of a mail provider.</summary>
    bool InUse { get; }

    /// <summary>A snapshot, newest first.</summary>
    IReadOnlyList<DevMailboxMessage> List();

    DevMailboxMessage? Find(long id);

    /// <summary>Removes every message to <paramref name="email"/> (any letter case); returns how many.</summary>
    int Erase(string email);
}
