using System.ComponentModel;

namespace Feedback.Api.Features.Scores;

public sealed record IntervalDto(double Low, double High);

[Description("One series bucket: `start` is its first UTC day (the first and last bucket may be partly outside the period).")]
public sealed record SeriesPointDto(string Start, long Responses, double? Score);

[Description("One value of the groupBy property. The group `(other)` with `other: true` sums the groups after the top N.")]
public sealed record ScoreGroupDto(
    string Key,
    long Responses,
    double? Score,
    IntervalDto? Confidence95,
    bool SmallSample,
    long? Sent,
    double? ResponseRate,
    bool Other);

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

[Description("Score of the answers in [from, to). `score` and `confidence95` are null with no answers (CES: no interval for one answer). Counts of another kind are null (`satisfied` of an NPS query …); `previous` and `change` are null without `compareTo`. `sent` and `responseRate` are null when the query was computed from raw answers (`source: responses`).")]
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
    [property: Description("rollups, or responses when the query needs two properties at once.")] string Source,
    IReadOnlyList<SeriesPointDto> Series,
    IReadOnlyList<ScoreGroupDto> Groups,
    PreviousPeriodDto? Previous,
    ScoreChangeDto? Change);

[Description("What a rollup rebuild wrote: rows, and the answers and sends they hold.")]
public sealed record RollupRebuildResponse(int Rows, long Responses, long Sent);
