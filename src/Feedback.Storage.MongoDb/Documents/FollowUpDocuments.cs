using Feedback.Core.FollowUps;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>A follow-up (collection <c>followUps</c>); <see cref="ResponseId"/> has a unique index: one per response.</summary>
internal sealed class FollowUpDocument
{
    public required string Id { get; init; }
    public required string ResponseId { get; init; }
    public string? SurveyId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
    public List<string> Reasons { get; init; } = [];
    public required string CustomerId { get; init; }
    public required CustomerDocument Customer { get; init; }
    public required string SubjectId { get; init; }
    public List<PropertyDocument> Properties { get; init; } = [];
    public required FollowUpStatus Status { get; init; }
    public string? Assignee { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public bool Overdue { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public List<FollowUpNoteDocument> Notes { get; init; } = [];
    public required int Version { get; init; }

    public static FollowUpDocument From(FollowUp f) => new()
    {
        Id = f.Id,
        ResponseId = f.ResponseId,
        SurveyId = f.SurveyId,
        TemplateId = f.TemplateId,
        Kind = f.Kind,
        Score = f.Score,
        Comment = f.Comment,
        Reasons = [.. f.Reasons],
        CustomerId = f.Customer.Id,
        Customer = new CustomerDocument { Email = f.Customer.Email, Name = f.Customer.Name, Locale = f.Customer.Locale },
        SubjectId = f.SubjectId,
        Properties = [.. f.Properties.Select(p => new PropertyDocument { K = p.Key, V = p.Value })],
        Status = f.Status,
        Assignee = f.Assignee,
        DueAt = f.DueAt,
        Overdue = f.Overdue,
        CreatedAt = f.CreatedAt,
        UpdatedAt = f.UpdatedAt,
        ResolvedAt = f.ResolvedAt,
        Notes = [.. f.Notes.Select(FollowUpNoteDocument.From)],
        Version = f.Version,
    };

    public FollowUp ToFollowUp() => new()
    {
        Id = Id,
        ResponseId = ResponseId,
        SurveyId = SurveyId,
        TemplateId = TemplateId,
        Kind = Kind,
        Score = Score,
        Comment = Comment,
        Reasons = Reasons,
        Customer = new Customer(CustomerId, Customer.Email, Customer.Name, Customer.Locale),
        SubjectId = SubjectId,
        Properties = Properties.ToDictionary(p => p.K, p => p.V, StringComparer.Ordinal),
        Status = Status,
        Assignee = Assignee,
        DueAt = DueAt,
        Overdue = Overdue,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        ResolvedAt = ResolvedAt,
        Notes = [.. Notes.Select(n => n.ToNote())],
        Version = Version,
    };
}

internal sealed class FollowUpNoteDocument
{
    public required DateTimeOffset At { get; init; }
    public required string Author { get; init; }
    public required string Text { get; init; }

    public static FollowUpNoteDocument From(FollowUpNote n) => new() { At = n.At, Author = n.Author, Text = n.Text };

    public FollowUpNote ToNote() => new(At, Author, Text);
}

/// <summary>
/// A follow-up change not yet applied, kept on the response document it belongs to (<c>pendingFollowUp</c>): written in
/// the same single-document write as the answer, applied to <c>followUps</c> right after and then removed; after a crash in
/// between, <see cref="Core.Storage.IFollowUpStore.FinishPendingAsync"/> applies it. <see cref="Key"/> tells this change
/// from a later one, so removing it never removes a newer answer's.
/// </summary>
internal sealed class PendingFollowUpDocument
{
    public required string Key { get; init; }
    public FollowUpDocument? Open { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
    public List<string> Reasons { get; init; } = [];
    public FollowUpNoteDocument? Note { get; init; }
    public required DateTimeOffset At { get; init; }

    public static PendingFollowUpDocument? From(FollowUpChange? change) => change is null ? null : new()
    {
        Key = Guid.NewGuid().ToString("N"),
        Open = change.Open is { } open ? FollowUpDocument.From(open) : null,
        Score = change.Score,
        Comment = change.Comment,
        Reasons = [.. change.Reasons],
        Note = change.Note is { } note ? FollowUpNoteDocument.From(note) : null,
        At = change.At,
    };

    public FollowUpChange ToChange(string responseId) =>
        new(Open?.ToFollowUp(), responseId, Score, Comment, Reasons, Note?.ToNote(), At);
}
