using Feedback.Core.Common;

namespace Feedback.Email.SendGrid;

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
/// In-memory mailbox of the e-mails "sent" without a SendGrid key, for <c>/dev/mailbox</c>: the latest
/// <see cref="Capacity"/> messages, newest first. Thread-safe; lost on restart by design.
/// </summary>
public sealed class DevMailbox(TimeProvider time)
{
    public const int Capacity = 1000;

    private readonly Lock _gate = new();
    private readonly LinkedList<DevMailboxMessage> _messages = new();
    private long _lastId;

    /// <summary>Stores a message, giving it the next id and the current time; the oldest falls out beyond <see cref="Capacity"/>.</summary>
    public DevMailboxMessage Add(DevMailboxMessage message)
    {
        lock (_gate)
        {
            var stored = message with { Id = ++_lastId, SentAt = time.GetUtcNow() };
            _messages.AddFirst(stored);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }
            return stored;
        }
    }

    /// <summary>A snapshot, newest first.</summary>
    public IReadOnlyList<DevMailboxMessage> List()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public DevMailboxMessage? Find(long id)
    {
        lock (_gate)
        {
            return _messages.FirstOrDefault(m => m.Id == id);
        }
    }

    /// <summary>Removes every message to <paramref name="email"/> (any letter case), for customer erasure; returns how many.</summary>
    public int Erase(string email)
    {
        var key = Emails.Normalize(email);
        lock (_gate)
        {
            var erased = 0;
            for (var node = _messages.First; node is not null;)
            {
                var next = node.Next;
                if (Emails.Normalize(node.Value.To) == key)
                {
                    _messages.Remove(node);
                    erased++;
                }
                node = next;
            }
            return erased;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
