using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

/// <summary>Recognises the server's duplicate-key error (E11000) in the shapes the driver reports it.</summary>
internal static class MongoErrors
{
    public static bool IsDuplicateKey(this MongoException e) => e switch
    {
        MongoWriteException w => w.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException b => b.WriteConcernError is null && b.WriteErrors.Count > 0 && b.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException c => c.Code == 11000,
        _ => false,
    };

    /// <summary>What a store throws when a write would store a second entity under a unique key; nothing was written.</summary>
    public static Exception Duplicate(string message, MongoException cause) => new InvalidOperationException(message, cause);
}
