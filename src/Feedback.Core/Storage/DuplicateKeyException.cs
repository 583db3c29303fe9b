namespace Feedback.Core.Storage;

/// <summary>
/// A write would store a second entity under a key that must be unique (an id, an API key's secret hash);
/// nothing was written. Every adapter throws this instead of its driver's exception, so callers can answer 409.
/// </summary>
public sealed class DuplicateKeyException(string message, Exception? innerException = null) : Exception(message, innerException);
