using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Feedback.Email.SendGrid;

/// <summary>
/// In-memory mailbox of the e-mails "sent" without a SendGrid key, for <c>/dev/mailbox</c>: the latest
/// <see cref="Capacity"/> messages, newest first. Thread-safe; lost on restart by design.
/// </summary>
public sealed class DevMailbox(TimeProvider time, IOptions<SendGridOptions>? sendGrid = null) : IDevMailbox
{
    public const int Capacity = 1000;

    private readonly Lock _gate = new();
    private readonly LinkedList<DevMailboxMessage> _messages = new();
    private long _lastId;

    public bool InUse => sendGrid?.Value.IsConfigured != true;

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
