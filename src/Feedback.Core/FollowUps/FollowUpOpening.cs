using System.Globalization;
using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Surveys;

namespace Feedback.Core.FollowUps;

/// <summary>What an answer's follow-up is decided from besides the answers: the template's rule (null: none) and the customer.</summary>
public sealed record FollowUpSource(FollowUpPolicy? Policy, Customer Customer);

/// <summary>
/// What an answer does to its response's follow-up: <see cref="Open"/> it when the response has none yet, else bring the
/// existing one's copy of the answer up to date (<see cref="ApplyTo"/>). The response store persists it in the answer's step.
/// </summary>
public sealed record FollowUpChange(
    FollowUp? Open, string ResponseId, int Score, string? Comment, IReadOnlyList<string> Reasons, FollowUpNote? Note, DateTimeOffset At)
{
    /// <summary>
    /// The existing follow-up with this change, or null when it changes nothing. Applying a change twice changes nothing
    /// the second time (a note already there is not added again), so a store may repeat it after a crash.
    /// </summary>
    public FollowUp? ApplyTo(FollowUp existing)
    {
        var addNote = Note is not null && !existing.Notes.Contains(Note);
        if (existing.Score == Score && existing.Comment == Comment && existing.Reasons.SequenceEqual(Reasons) && !addNote)
        {
            return null;
        }
        return existing with
        {
            Score = Score,
            Comment = Comment,
            Reasons = Reasons,
            Notes = addNote ? [.. existing.Notes, Note!] : existing.Notes,
            UpdatedAt = At > existing.UpdatedAt ? At : existing.UpdatedAt,
            Version = existing.Version + 1,
        };
    }
}

/// <summary>The one rule of when an answer opens a follow-up; both response stores call it inside the answer's atomic step.</summary>
public static class FollowUpOpening
{
    /// <summary>
    /// The change <paramref name="stored"/> (replacing <paramref name="previous"/>, null for a first answer) makes: a
    /// follow-up to open when its score is at or below the policy's <c>maxScore</c> (the store opens it only when the
    /// response has none: once per response, whatever the clicks); for a changed answer, also the new score and comment
    /// and reasons for an existing follow-up, and a note when the score changed. Changing out of the range closes nothing. Null when
    /// nothing can change: a first answer out of the range, or no policy and no previous answer.
    /// </summary>
    public static FollowUpChange? OfAnswer(SurveyResponse stored, SurveyResponse? previous, FollowUpSource? source)
    {
        var opens = source?.Policy is { } policy && policy.Covers(stored.Score);
        if (previous is null && !opens)
        {
            return null;
        }
        var at = stored.UpdatedAt;
        var open = opens ? New(stored, source!, at) : null;
        var note = previous is not null && previous.Score != stored.Score
            ? new FollowUpNote(at, FollowUpNote.ServiceAuthor, string.Create(CultureInfo.InvariantCulture,
                $"The customer changed the score from {previous.Score} to {stored.Score}{(opens ? "" : ", above followUp.maxScore")}."))
            : null;
        return new FollowUpChange(open, stored.Id, stored.Score, stored.Comment, stored.Reasons, note, at);
    }

    private static FollowUp New(SurveyResponse answer, FollowUpSource source, DateTimeOffset at) => new()
    {
        Id = Ids.New(FollowUp.IdPrefix, at),
        ResponseId = answer.Id,
        SurveyId = answer.SurveyId,
        TemplateId = answer.TemplateId,
        Kind = answer.Kind,
        Score = answer.Score,
        Comment = answer.Comment,
        Reasons = answer.Reasons,
        Customer = source.Customer with { TimeZone = null },
        SubjectId = answer.SubjectId,
        Properties = answer.Properties,
        DueAt = at + source.Policy!.Due.TimeSpan,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
