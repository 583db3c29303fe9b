namespace Feedback.Core.Common;

/// <summary>Identifiers of stored entities: a short type prefix and a time-ordered UUIDv7, so ids sort by creation.</summary>
public static class Ids
{
    public static string New(string prefix, TimeProvider time) =>
        $"{prefix}_{Guid.CreateVersion7(time.GetUtcNow()):N}";
}
