using System.Text.RegularExpressions;
using Feedback.Core.Storage;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

/// <summary>Recognises the server's duplicate-key error (E11000) in the shapes the driver reports it.</summary>
internal static partial class MongoErrors
{
    public static bool IsDuplicateKey(this MongoException e) => e switch
    {
        MongoWriteException w => w.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException b => b.WriteConcernError is null && b.WriteErrors.Count > 0 && b.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException c => c.Code == 11000,
        _ => false,
    };

    /// <summary>
    /// The port's exception for a write refused by a unique index, naming the index but not the key value
    /// (which may be a secret's hash); the driver's exception stays as the cause.
    /// </summary>
    public static DuplicateKeyException Duplicate(string message, MongoException cause) =>
        new(IndexName().Match(cause.Message) is { Success: true } index ? $"{message} (unique index {index.Groups[1].Value})" : message, cause);

    [GeneratedRegex(@"index: (\S+) dup key", RegexOptions.CultureInvariant)]
    private static partial Regex IndexName();
}
