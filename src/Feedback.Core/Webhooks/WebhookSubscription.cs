namespace Feedback.Core.Webhooks;

/// <summary>The event types a subscription can ask for.</summary>
public static class WebhookEvents
{
    public const string ResponseCreated = "response.created";
    public const string ResponseUpdated = "response.updated";
    public const string SurveyFailed = "survey.failed";
    public const string FollowUpCreated = "followup.created";
    public const string FollowUpOverdue = "followup.overdue";
    public const string FollowUpResolved = "followup.resolved";

    public static readonly IReadOnlyList<string> All = [ResponseCreated, ResponseUpdated, SurveyFailed, FollowUpCreated, FollowUpOverdue, FollowUpResolved];
}

/// <summary>
/// Where to POST which events. <see cref="Secret"/> signs every delivery, so it is stored as it is (an HMAC needs the key
/// itself, unlike API keys, which are stored hashed); the API shows it once, in the answer to the create call.
/// The score range applies to response events only.
/// </summary>
public sealed record WebhookSubscription
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> Events { get; init; }
    public int? MinScore { get; init; }
    public int? MaxScore { get; init; }
    public required string Secret { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether an event of <paramref name="type"/> (with the answer's <paramref name="score"/>, if any) goes to this subscription.</summary>
    public bool Wants(string type, int? score) =>
        Events.Contains(type)
        && (score is not { } s || ((MinScore is null || s >= MinScore) && (MaxScore is null || s <= MaxScore)));
}
