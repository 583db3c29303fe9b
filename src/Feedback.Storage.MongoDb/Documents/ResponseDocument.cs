using Feedback.Core.Responses;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>
/// A customer's answer (collection <c>responses</c>): every field a list filters on is top-level. <see cref="HasComment"/>
/// is stored so "with/without comment" is an equality the server can match without an expression.
/// </summary>
internal sealed class ResponseDocument
{
    public required string Id { get; init; }
    public string? SurveyId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
    public required bool HasComment { get; init; }
    /// <summary>Reason codes; absent in documents written before reasons, which read as none.</summary>
    public List<string> Reasons { get; init; } = [];
    public required string Locale { get; init; }
    public required string CustomerId { get; init; }
    public required string SubjectId { get; init; }
    public required string Channel { get; init; }
    /// <summary>Name/value pairs as on surveys: property names may contain '.', which a <c>properties.&lt;name&gt;</c> path would split.</summary>
    public List<PropertyDocument> Properties { get; init; } = [];
    public required DateTimeOffset AnsweredAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The answer's follow-up change until it is applied to <c>followUps</c> (absent after).</summary>
    public PendingFollowUpDocument? PendingFollowUp { get; init; }

    public static ResponseDocument From(SurveyResponse r, PendingFollowUpDocument? pendingFollowUp = null) => new()
    {
        Id = r.Id,
        SurveyId = r.SurveyId,
        TemplateId = r.TemplateId,
        Kind = r.Kind,
        Score = r.Score,
        Comment = r.Comment,
        // A blank comment counts as none, the rule of the answer page and of the SQLite adapter.
        HasComment = !string.IsNullOrWhiteSpace(r.Comment),
        Reasons = [.. r.Reasons],
        Locale = r.Locale,
        CustomerId = r.CustomerId,
        SubjectId = r.SubjectId,
        Channel = r.Channel,
        Properties = [.. r.Properties.Select(p => new PropertyDocument { K = p.Key, V = p.Value })],
        AnsweredAt = r.AnsweredAt,
        UpdatedAt = r.UpdatedAt,
        PendingFollowUp = pendingFollowUp,
    };

    public SurveyResponse ToResponse() => new()
    {
        Id = Id,
        SurveyId = SurveyId,
        TemplateId = TemplateId,
        Kind = Kind,
        Score = Score,
        Comment = Comment,
        Reasons = Reasons,
        Locale = Locale,
        CustomerId = CustomerId,
        SubjectId = SubjectId,
        Channel = Channel,
        Properties = Properties.ToDictionary(p => p.K, p => p.V, StringComparer.Ordinal),
        AnsweredAt = AnsweredAt,
        UpdatedAt = UpdatedAt,
    };
}
