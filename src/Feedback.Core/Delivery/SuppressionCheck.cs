using Feedback.Core.Common;
using Feedback.Core.Storage;

namespace Feedback.Core.Delivery;

/// <summary>The one suppression rule, asked when a survey is scheduled (event or direct send) and again when it is sent.</summary>
public static class SuppressionCheck
{
    /// <summary>
    /// True when the address gets no surveys: its normalized form (<see cref="Emails.Normalize"/>) is suppressed. A customer
    /// without an address (a link survey's) matches no suppression.
    /// </summary>
    public static async Task<bool> IsSuppressedAsync(this ISuppressionStore suppressions, string? email, CancellationToken ct = default) =>
        email is not null && await suppressions.GetAsync(Emails.Normalize(email), ct) is not null;

    /// <summary>The same rule for many addresses in one read: the normalized forms of those that are suppressed.</summary>
    public static async Task<IReadOnlySet<string>> SuppressedAmongAsync(this ISuppressionStore suppressions, IEnumerable<string?> emails, CancellationToken ct = default)
    {
        var normalized = emails.OfType<string>().Select(Emails.Normalize).ToHashSet(StringComparer.Ordinal);
        return normalized.Count == 0 ? new HashSet<string>() : await suppressions.SuppressedAmongAsync(normalized, ct);
    }

    /// <summary>Whether <paramref name="email"/> is among what <see cref="SuppressedAmongAsync"/> returned.</summary>
    public static bool IsSuppressed(this IReadOnlySet<string> suppressed, string? email) =>
        email is not null && suppressed.Contains(Emails.Normalize(email));
}
