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
}
