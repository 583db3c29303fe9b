namespace Feedback.Core.Storage;

/// <summary>Start-up and health of the store behind the ports.</summary>
public interface IStorageLifecycle
{
    /// <summary>Creates or migrates the schema (collections, indexes); idempotent, run once at start.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>Throws when the store cannot be reached; used by <c>/readyz</c>.</summary>
    Task PingAsync(CancellationToken ct = default);

    /// <summary>
    /// Until the result is disposed, the store may give up durability of its latest writes for speed, never their
    /// integrity: a crash may lose them, a restart finds the store consistent. Only for a bulk load before the service takes
    /// requests (the demo seed). A store with nothing to relax returns a handle that does nothing.
    /// </summary>
    IDisposable BeginBulkLoad();
}
