using Feedback.Core.Common;

namespace Feedback.Core.Storage;

/// <summary>
/// An address that must not get surveys. <see cref="Email"/> is the key: callers pass it normalized
/// (<see cref="Emails.Normalize"/>, lower-cased) and stores compare it exactly.
/// </summary>
public sealed record Suppression(string Email, string Reason, string Source, DateTimeOffset CreatedAt);

/// <summary>Addresses that are never sent to (bounces, spam reports, unsubscribes, manual).</summary>
public interface ISuppressionStore
{
    /// <summary>Adds or keeps the suppression (the first reason stays); returns false when it already existed.</summary>
    Task<bool> AddAsync(Suppression suppression, CancellationToken ct = default);

    Task<bool> RemoveAsync(string email, CancellationToken ct = default);

    Task<Suppression?> GetAsync(string email, CancellationToken ct = default);

    /// <summary>Those of the normalized addresses <paramref name="emails"/> that are suppressed (one read for a batch).</summary>
    Task<IReadOnlySet<string>> SuppressedAmongAsync(IReadOnlyCollection<string> emails, CancellationToken ct = default);

    /// <summary>Suppressions ordered by e-mail, paged by cursor (<paramref name="after"/> = last e-mail of the previous page).</summary>
    Task<Page<Suppression>> ListAsync(string? after, int limit, CancellationToken ct = default);
}
