using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.Contract;

/// <summary>
/// The adapter a contract runs against, as an adapter's test project provides it: its registration over a store of
/// its own, whether its server is there, and its clean-up. Every test gets a new instance (xunit builds a test class
/// per test), so a fresh, empty store; a restart within a test reuses it.
/// </summary>
public abstract class StorageUnderTest : IAsyncDisposable
{
    /// <summary>Registers the adapter and puts its settings into <paramref name="configuration"/>, the same store on every call.</summary>
    public abstract void AddStorage(IServiceCollection services, IDictionary<string, string?> configuration);

    /// <summary>Why this adapter's tests cannot run here (e.g. no server configured); null to run them.</summary>
    public virtual string? SkipReason => null;

    /// <summary>
    /// Answers the rollup volume check generates unless <c>FEEDBACK_TEST_ROLLUP_VOLUME</c> says otherwise: one transaction
    /// (and one fsync) per answer costs a few milliseconds on a file; a server adapter may differ.
    /// </summary>
    public virtual int DefaultRollupVolume => 2_000;

    /// <summary>Removes the store, after the contract has disposed of every container over it.</summary>
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
