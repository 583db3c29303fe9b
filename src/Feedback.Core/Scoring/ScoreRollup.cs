using Feedback.Core.Templates;

namespace Feedback.Core.Scoring;

/// <summary>
/// The answers and sends of one template on one UTC day, either for all of them (<see cref="Dimension"/> = "") or for
/// those with one property value (<see cref="Dimension"/> = property name, e.g. <c>category</c>), or with one answer
/// channel (<see cref="ChannelDimension"/>). <see cref="Histogram"/>[s] is how many answers have score s (length 11,
/// scores 0–10, whatever the kind); <see cref="Answered"/> is how many of them answer a sent survey (the response rate's
/// numerator: answers collected elsewhere are not). Answers count on their <c>answeredAt</c> day, sends on their
/// <c>sentAt</c> day.
/// </summary>
public sealed record ScoreRollup
{
    public const string All = "";
    /// <summary>The answer's own channel; no property can be called this (names are letters, digits, '_', '.' and '-').</summary>
    public const string ChannelDimension = "@channel";
    /// <summary>
    /// The answer's reasons: a row per reason code it has, or the row <see cref="ScoreGroups.NoneKey"/> when it has none.
    /// Unlike every other dimension an answer may count in several of its rows, so none of them is "the rest".
    /// </summary>
    public const string ReasonDimension = "@reason";
    public const int HistogramLength = 11;

    public required string TemplateId { get; init; }
    public required SurveyKind Kind { get; init; }
    public required DateOnly Day { get; init; }
    public string Dimension { get; init; } = All;
    public string Value { get; init; } = All;
    public required long[] Histogram { get; init; }
    public long Sent { get; init; }
    public long Answered { get; init; }
}

/// <summary>
/// Which rollup rows to read: one kind, optionally one template, UTC days <see cref="From"/> (inclusive) to
/// <see cref="To"/> (exclusive), one dimension ("" = the all rows), and within it one value or every value (null); per
/// day, or summed per bucket of days (<see cref="Buckets"/>).
/// </summary>
public sealed record RollupQuery
{
    public required SurveyKind Kind { get; init; }
    public string? TemplateId { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public string Dimension { get; init; } = ScoreRollup.All;
    public string? Value { get; init; }

    /// <summary>
    /// How the store returns the matching rows: as kept, one per day (<see cref="RollupBuckets.Day"/>), or summed per value
    /// and bucket, so a report that needs no days gets one row per bucket and value back, not one per day and value.
    /// </summary>
    public RollupBuckets Buckets { get; init; } = RollupBuckets.Day;
}

/// <summary>What a rebuild found: rows written, and the answers and sends they hold.</summary>
public sealed record RollupRebuild(int Rows, long Responses, long Sent);

/// <summary>
/// The buckets a rollup query sums its rows into, per value. A summed row's <see cref="ScoreRollup.Day"/> is its bucket's
/// first day as <see cref="ScoreSeries.BucketStart"/> says (an ISO week's Monday, a month's 1st, which may lie before the
/// query's <c>From</c>: only the days inside it are summed), or the query's <c>From</c> for <see cref="Period"/>; its
/// <see cref="ScoreRollup.TemplateId"/> is the query's ("" across templates).
/// </summary>
public enum RollupBuckets { Day, Week, Month, Period }
