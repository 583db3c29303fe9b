namespace Feedback.Core.Storage;

/// <summary>Why the store could not take an operation for now.</summary>
public enum StorageFault
{
    /// <summary>The disk (or the file system the store lives on) is full.</summary>
    DiskFull,

    /// <summary>The store is read-only (a file system mounted read-only, a replica that cannot write).</summary>
    ReadOnly,

    /// <summary>Another process held the store's write lock for longer than the adapter waits.</summary>
    Locked,

    /// <summary>The store's files could not be read or written.</summary>
    IoError,
}

/// <summary>
/// The store refused an operation for a reason outside the request that passes without a change of code: a full disk,
/// a read-only or locked store, an I/O error. Whatever the operation wrote was rolled back, so the caller may repeat it
/// later. Every adapter throws this instead of its driver's exception for such faults (the driver's is the inner one),
/// so the host can answer 503 instead of 500.
/// </summary>
public sealed class StorageUnavailableException(StorageFault fault, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public StorageFault Fault { get; } = fault;
}
