using Feedback.Core.Storage;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>A suppressed address (collection <c>suppressions</c>); the lower-cased e-mail is the <c>_id</c>, so adding is one insert.</summary>
internal sealed class SuppressionDocument
{
    public required string Id { get; init; }
    public required string Reason { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static SuppressionDocument From(Suppression s) => new() { Id = s.Email, Reason = s.Reason, Source = s.Source, CreatedAt = s.CreatedAt };

    public Suppression ToSuppression() => new(Id, Reason, Source, CreatedAt);
}
