namespace Feedback.Core.Common;

/// <summary>Identifiers of stored entities: a short type prefix and a time-ordered UUIDv7, so ids sort by creation.</summary>
public static class Ids
{
    public static string New(string prefix, TimeProvider time) => New(prefix, time.GetUtcNow());

    /// <summary>An id that sorts as if created at <paramref name="at"/> (imported or generated history).</summary>
    public static string New(string prefix, DateTimeOffset at) => $"{prefix}_{Guid.CreateVersion7(at):N}";
}
