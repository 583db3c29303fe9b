using System.Globalization;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Responses;
using Feedback.Core.Templates;

namespace Feedback.Core.Storage;

/// <summary>
/// Filters of a response list; null filters match everything. <see cref="From"/>/<see cref="To"/> bound
/// <c>answeredAt</c> (from inclusive, to exclusive); <see cref="UpdatedSince"/> bounds <c>updatedAt</c> (inclusive) for
/// incremental pulls; <see cref="Channel"/> is the answer's own channel; <see cref="Properties"/> must all match exactly
/// (a property called <c>channel</c> is a property like any other). <see cref="After"/> is the decoded cursor: the
/// position of the last item of the previous page.
/// </summary>
public sealed record ResponseQuery
{
    public string? TemplateId { get; init; }
    public SurveyKind? Kind { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int? MinScore { get; init; }
    public int? MaxScore { get; init; }
    public bool? HasComment { get; init; }
    public string? CustomerId { get; init; }
    public string? Channel { get; init; }
    public DateTimeOffset? UpdatedSince { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    /// <summary>Only answers whose reasons include this code.</summary>
    public string? Reason { get; init; }
    public ResponsePosition? After { get; init; }
    public int Limit { get; init; } = PageCursor.DefaultLimit;
}

/// <summary>
/// A response's place in a list. Lists are ordered by <c>answeredAt</c>, then id (ties), so a cursor holds both and a
/// page continues exactly after its last item, whatever ids callers choose.
/// </summary>
public sealed record ResponsePosition(DateTimeOffset AnsweredAt, string Id)
{
    public static ResponsePosition Of(SurveyResponse response) => new(response.AnsweredAt, response.Id);

    /// <summary>The text a page cursor encodes: the UTC ticks of <see cref="AnsweredAt"/>, a colon, the id.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{AnsweredAt.UtcTicks}:{Id}");

    /// <summary>The position a <see cref="Key"/> names, or null when the text is not one.</summary>
    public static ResponsePosition? Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < key.Length - 1
            && long.TryParse(key.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new ResponsePosition(new DateTimeOffset(ticks, TimeSpan.Zero), key[(colon + 1)..])
            : null;
    }
}

/// <summary>Customers' answers.</summary>
public interface IResponseStore
{
    /// <summary>
    /// Records or changes the answer to a sent survey in one atomic step: it reads the previous response
    /// <c>rsp_{surveyId}</c>, stores <see cref="SurveyResponse.Replacing"/>(previous, <paramref name="keepComment"/>) of
    /// <paramref name="response"/> (the last answer counts; <c>answeredAt</c> stays the first answer's; with
    /// <paramref name="keepComment"/> the stored comment and reasons stay), and the survey becomes <c>answered</c> with that
    /// <c>answeredAt</c>. Returns the stored response and the previous one (null when this is the first answer). In the
    /// same step the rollups move by <see cref="Scoring.RollupKeys.OfAnswer"/>(stored, previous): the previous answer is
    /// known only inside that step, so the store calls these Core functions and persists what they return, deciding
    /// nothing itself. No answer written between the read and the write may be lost: a comment posted while a one-click
    /// score is stored survives it. Likewise the follow-up: the store applies
    /// <see cref="FollowUpOpening.OfAnswer"/>(stored, previous, <paramref name="followUp"/>) durably with the answer (no
    /// stored answer without its follow-up), opening one only when the response has none, and returns the one it opened.
    /// </summary>
    Task<(SurveyResponse Stored, SurveyResponse? Previous, FollowUp? Opened)> AnswerSurveyAsync(
        SurveyResponse response, bool keepComment = false, FollowUpSource? followUp = null, CancellationToken ct = default);

    /// <summary>
    /// Stores an answer collected elsewhere and, in the same step, adds its rollup deltas
    /// (<see cref="Scoring.RollupKeys.OfAnswer"/> with no previous answer); when its id exists, nothing changes and the
    /// stored one is returned (idempotent), and nothing is counted: only the store's insert knows which call was first.
    /// The follow-up <see cref="FollowUpOpening.OfAnswer"/>(response, null, <paramref name="followUp"/>) is stored as with
    /// <see cref="AnswerSurveyAsync"/>, on the first call only, and returned when one was opened.
    /// </summary>
    Task<(SurveyResponse Stored, bool Created, FollowUp? Opened)> AddExternalAsync(
        SurveyResponse response, FollowUpSource? followUp = null, CancellationToken ct = default);

    Task<SurveyResponse?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Responses ordered by <c>answeredAt</c>, then id, paged by cursor (<see cref="ResponsePosition"/>).</summary>
    Task<Page<SurveyResponse>> ListAsync(ResponseQuery query, CancellationToken ct = default);

    /// <summary>Every response matching the query (its paging fields ignored), in list order, read as it streams.</summary>
    IAsyncEnumerable<SurveyResponse> StreamAsync(ResponseQuery query, CancellationToken ct = default);

    /// <summary>
    /// Removes the comments of the customer's responses (<c>updatedAt = at</c>, so incremental pulls see the change); scores
    /// stay, so aggregates stay exact. Returns how many responses changed; a repeat returns 0.
    /// </summary>
    Task<int> EraseCustomerAsync(string customerId, DateTimeOffset at, CancellationToken ct = default);
}
