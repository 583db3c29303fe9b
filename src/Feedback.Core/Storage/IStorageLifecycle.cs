namespace Feedback.Core.Storage;

/// <summary>Start-up and health of the store behind the ports.</summary>
public interface IStorageLifecycle
{
    /// <summary>Creates or migrates the schema (collections, indexes); idempotent, run once at start.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>Throws when the store cannot be reached; used by <c>/readyz</c>.</summary>
    Task PingAsync(CancellationToken ct = default);
}
