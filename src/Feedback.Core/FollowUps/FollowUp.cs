using Feedback.Core.Common;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.FollowUps;

/// <summary>Where a follow-up stands; it moves freely between them, except out of <see cref="Resolved"/>.</summary>
public enum FollowUpStatus { Open, InProgress, Resolved }

/// <summary>The wire names of <see cref="FollowUpStatus"/>: <c>open</c>, <c>in_progress</c>, <c>resolved</c>.</summary>
public static class FollowUpStatuses
{
    private static readonly (FollowUpStatus Status, string Name)[] Names =
        [(FollowUpStatus.Open, "open"), (FollowUpStatus.InProgress, "in_progress"), (FollowUpStatus.Resolved, "resolved")];

    public static string Name(this FollowUpStatus status) => Names.Single(n => n.Status == status).Name;

    /// <summary>The status <paramref name="text"/> names; null when it is absent, or when it names none (then an error on <paramref name="field"/>).</summary>
    public static FollowUpStatus? Parse(string? text, string field, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (TryParse(text, out var status))
        {
            return status;
        }
        errors.Add(field, $"must be {List}");
        return null;
    }

    public static bool TryParse(string? text, out FollowUpStatus status)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Every name, for messages and the API description.</summary>
    public static string List => "open, in_progress or resolved";
}

/// <summary>A note on a follow-up: by a person (PATCH) or by the service (the answer changed).</summary>
public sealed record FollowUpNote(DateTimeOffset At, string Author, string Text)
{
    /// <summary>The author of the notes the service writes itself.</summary>
    public const string ServiceAuthor = "feedback";
}

/// <summary>
/// The task of getting back to a customer whose answer scored at or below the template's <c>followUp.maxScore</c>: one
/// per response (<see cref="ResponseId"/> is unique), opened in the same durable step as the answer. It carries a copy of
/// the answer (score, comment) kept current while the customer changes it, and of the customer, whom erasure blanks.
/// </summary>
public sealed record FollowUp
{
    public const string IdPrefix = "fup";

    public required string Id { get; init; }
    public required string ResponseId { get; init; }
    public string? SurveyId { get; init; }
    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public required Customer Customer { get; init; }
    public required string SubjectId { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public FollowUpStatus Status { get; init; } = FollowUpStatus.Open;
    public string? Assignee { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>Set once, by the overdue job, when <see cref="DueAt"/> passed while not resolved; it stays after resolving.</summary>
    public bool Overdue { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public IReadOnlyList<FollowUpNote> Notes { get; init; } = [];
    /// <summary>Moves by one on every change: the ETag, and the compare-and-set of <see cref="Storage.IFollowUpStore.ReplaceAsync"/>.</summary>
    public int Version { get; init; } = 1;

    public string ETag => $"\"{Version}\"";

    /// <summary>
    /// This follow-up with the customer's personal data blanked (e-mail <see cref="Storage.Erasure.Email"/>, no name, no
    /// comment), or null when there is nothing left to blank.
    /// </summary>
    public FollowUp? Erased(DateTimeOffset at)
    {
        var email = Customer.Email is null ? null : Storage.Erasure.Email;
        if (Comment is null && Customer.Name is null && Customer.Email == email)
        {
            return null;
        }
        return this with
        {
            Comment = null,
            Customer = Customer with { Email = email, Name = null },
            UpdatedAt = at,
            Version = Version + 1,
        };
    }
}
