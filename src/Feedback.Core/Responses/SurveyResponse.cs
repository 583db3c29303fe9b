using Feedback.Core.Templates;

namespace Feedback.Core.Responses;

/// <summary>
/// One customer's answer. Answers to e-mailed surveys have <see cref="SurveyId"/> and id <c>rsp_{surveyId}</c> (one per
/// survey; a changed answer updates it). Answers collected elsewhere (phone, chat, in person) come with the caller's
/// idempotency id and no survey.
/// </summary>
public sealed record SurveyResponse
{
    public required string Id { get; init; }
    public string? SurveyId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
    /// <summary>The reason codes the customer ticked (<see cref="TemplateReasons"/>), in the template's order; empty when none.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public required string Locale { get; init; }
    public required string CustomerId { get; init; }
    public required string SubjectId { get; init; }
    /// <summary>How the answer was collected: <see cref="Channels"/>.</summary>
    public required string Channel { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    /// <summary>When the customer first gave a score: a changed score or an added comment moves <see cref="UpdatedAt"/> only.</summary>
    public required DateTimeOffset AnsweredAt { get; init; }
    /// <summary>When the record last changed (answer changed, comment added, erased): the key of incremental pulls.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    public static string IdForSurvey(string surveyId) => $"rsp_{surveyId}";

    /// <summary>
    /// This answer as it replaces <paramref name="previous"/>, the stored answer to the same survey: the store reads that
    /// in its atomic step and stores what this returns. The last answer counts, but <c>answeredAt</c> stays the first
    /// one's, and with <paramref name="keepComment"/> (a one-click score) the stored comment and reasons stay, so what
    /// was posted while the click was on its way is never overwritten by a stale copy.
    /// </summary>
    public SurveyResponse Replacing(SurveyResponse? previous, bool keepComment) => this with
    {
        Comment = keepComment ? previous?.Comment : Comment,
        Reasons = keepComment ? previous?.Reasons ?? [] : Reasons,
        AnsweredAt = previous?.AnsweredAt ?? AnsweredAt,
    };
}

/// <summary>Where an answer was collected.</summary>
public static class Channels
{
    public const string Email = "email";
    public const string Web = "web";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Email, Web, "phone", "chat", "in_person", "sms", "other",
    };
}
