using System.ComponentModel;

namespace Feedback.Api.Features.Scores;

public sealed record IntervalDto(double Low, double High);

[Description("One series bucket: `start` is its first UTC day. `partial: true` when the bucket reaches outside [from, to) (a week starting before `from`, a month cut by `to`): only its days inside the period are counted, so it is not comparable with a full bucket. Its own `confidence95` and `smallSample` (fewer than 30 answers), `sent` and `responseRate` as on the period.")]
public sealed record SeriesPointDto(
    string Start,
    long Responses,
    double? Score,
    IntervalDto? Confidence95,
    bool SmallSample,
    long? Sent,
    double? ResponseRate,
    bool Partial);

[Description("One value of the groupBy property. The group `(other)` with `other: true` sums the groups after the top N; the group `(none)` with `none: true` holds the answers without a value (absent, empty or longer than 100 characters), so the groups' responses add up to the total. Grouped by reason, an answer counts in each of its reasons' groups and `(none)` holds those without any, so the groups may add up to more than the total; their `sent` is 0 (a send has no reasons).")]
public sealed record ScoreGroupDto(
    string Key,
    long Responses,
    double? Score,
    IntervalDto? Confidence95,
    bool SmallSample,
    long? Sent,
    double? ResponseRate,
    bool Other,
    bool None);

[Description("The period of equal length before `from`, with the same filters.")]
public sealed record PreviousPeriodDto(
    string From,
    string To,
    long Responses,
    double? Score,
    IntervalDto? Confidence95,
    bool SmallSample,
    long? Sent,
    double? ResponseRate);

[Description("score − previous score, and whether that change is significant at 95 % (NPS: z on the difference; CSAT: two-proportion z; CES: Welch t). Null when it cannot be tested.")]
public sealed record ScoreChangeDto(double? Score, bool? Significant);

[Description("Score of the answers in [from, to). `score` and `confidence95` are null with no answers (CES: no interval for one answer). Counts of another kind are null (`satisfied` of an NPS query …); `previous` and `change` are null without `compareTo`. `sent` counts the e-mailed surveys sent in the period and `responseRate` = answers to those sent surveys ÷ `sent`: answers collected elsewhere (phone, chat, web, in person, via POST /v1/responses) count in `responses` and the score, not in the rate. Both are null when the query was computed from raw answers (`source: responses`), the rate also when nothing was sent.")]
public sealed record ScoreResponse(
    string Kind,
    string From,
    string To,
    long Responses,
    double? Score,
    long? Promoters,
    long? Passives,
    long? Detractors,
    long? Satisfied,
    double? Mean,
    IntervalDto? Confidence95,
    [property: Description("True when fewer than 30 answers: read the score with care.")] bool SmallSample,
    long? Sent,
    double? ResponseRate,
    [property: Description("rollups (one property, or two listed in Feedback:Scores:PairProperties), or responses when the query needs two other properties at once.")] string Source,
    IReadOnlyList<SeriesPointDto> Series,
    IReadOnlyList<ScoreGroupDto> Groups,
    PreviousPeriodDto? Previous,
    ScoreChangeDto? Change);

[Description("What a rollup rebuild wrote: rows, and the answers and sends they hold.")]
public sealed record RollupRebuildResponse(int Rows, long Responses, long Sent);
