using System.ComponentModel;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.FollowUps;

[Description("The customer as the survey named them (an answer collected elsewhere knows only the id and locale); erasure blanks e-mail and name.")]
public sealed record FollowUpCustomerDto(string Id, string? Email, string? Name, string? Locale);

[Description("A note on a follow-up; the service's own notes (a changed answer) have the author `feedback`.")]
public sealed record FollowUpNoteDto(DateTimeOffset At, string Author, string Text)
{
    public static FollowUpNoteDto From(FollowUpNote n) => new(n.At, n.Author, n.Text);
}

[Description("A follow-up: getting back to a customer whose answer scored at or below the template's `followUp.maxScore`. One per response; `score` and `comment` follow the answer while the customer changes it. `status`: open, in_progress or resolved. `overdue` is set once `dueAt` passed while not resolved (by the overdue job) and stays set.")]
public sealed record FollowUpResponse(
    string Id,
    string ResponseId,
    string? SurveyId,
    string TemplateId,
    SurveyKind Kind,
    int Score,
    string? Comment,
    IReadOnlyList<string> Reasons,
    FollowUpCustomerDto Customer,
    string SubjectId,
    IReadOnlyDictionary<string, string> Properties,
    [property: Description("open, in_progress or resolved.")] string Status,
    string? Assignee,
    DateTimeOffset DueAt,
    bool Overdue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<FollowUpNoteDto> Notes)
{
    public static FollowUpResponse From(FollowUp f) => new(
        f.Id, f.ResponseId, f.SurveyId, f.TemplateId, f.Kind, f.Score, f.Comment, f.Reasons,
        new FollowUpCustomerDto(f.Customer.Id, f.Customer.Email, f.Customer.Name, f.Customer.Locale), f.SubjectId, f.Properties,
        f.Status.Name(), f.Assignee, f.DueAt, f.Overdue, f.CreatedAt, f.UpdatedAt, f.ResolvedAt, [.. f.Notes.Select(FollowUpNoteDto.From)]);
}

public sealed record FollowUpListResponse(IReadOnlyList<FollowUpResponse> Items, string? NextCursor);

[Description("A note to add: who wrote it and what.")]
public sealed record FollowUpPatchNoteDto(string? Author, string? Text);

[Description("What to change; a field left out stays as it is. `status`: open, in_progress or resolved (nothing moves out of resolved: 409); `assignee`: who handles it, an empty string unassigns; `note`: added to the notes.")]
public sealed record FollowUpPatchRequest(string? Status, string? Assignee, FollowUpPatchNoteDto? Note)
{
    public FollowUpPatch? ToPatch(ValidationErrors errors)
    {
        var status = FollowUpStatuses.Parse(Status, "status", errors);
        if (Assignee is { Length: > FollowUpService.MaxAssigneeLength })
        {
            errors.Add("assignee", $"must be at most {FollowUpService.MaxAssigneeLength} characters");
        }
        if (Note is not null)
        {
            Text("note.author", Note.Author, FollowUpService.MaxAuthorLength, errors);
            Text("note.text", Note.Text, FollowUpService.MaxNoteLength, errors);
        }
        return errors.IsValid ? new FollowUpPatch(status, Assignee?.Trim(), Note is null ? null : (Note.Author!.Trim(), Note.Text!.Trim())) : null;
    }

    private static void Text(string field, string? text, int maxLength, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "is required");
        }
        else if (text.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
        }
    }
}

[Description("Close-the-loop figures of the follow-ups opened in the period: how many were opened and resolved, how many are still open and of those overdue, the share of the resolved ones resolved by their due time (0–1), and the median hours from opening to resolving; both null while none is resolved.")]
public sealed record FollowUpStatsResponse(long Opened, long Resolved, long Open, long Overdue, double? ResolvedWithinDue, double? MedianHoursToResolve)
{
    public static FollowUpStatsResponse From(FollowUpStats s) =>
        new(s.Opened, s.Resolved, s.Open, s.Overdue, s.ResolvedWithinDue, s.MedianHoursToResolve is { } h ? Math.Round(h, 2) : null);
}
