namespace Feedback.Core.Common;

/// <summary>Identifiers of stored entities: a short type prefix and a time-ordered UUIDv7, so ids sort by creation.</summary>
public static class Ids
{
    /// <summary>
    /// The longest id the service accepts or stores, its own or a caller's (event, subject, customer, template, response
    /// ids): every request is checked against it, so every store can index ids of this length.
    /// </summary>
    public const int MaxLength = 200;

    public static string New(string prefix, TimeProvider time) => New(prefix, time.GetUtcNow());

    /// <summary>An id that sorts as if created at <paramref name="at"/> (imported or generated history).</summary>
    public static string New(string prefix, DateTimeOffset at) => $"{prefix}_{Guid.CreateVersion7(at):N}";
}
