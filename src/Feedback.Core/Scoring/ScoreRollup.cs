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
/// day, or summed over the days (<see cref="SumDays"/>).
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
    /// Sum the matching rows per value in the store: one row per value instead of one per day and value, its
    /// <see cref="ScoreRollup.Day"/> = <see cref="From"/> and its <see cref="ScoreRollup.TemplateId"/> this query's ("" when
    /// across templates). For reads that need no days (groups, a period without series): the store sends back groups, not days.
    /// </summary>
    public bool SumDays { get; init; }
}

/// <summary>What a rebuild found: rows written, and the answers and sends they hold.</summary>
public sealed record RollupRebuild(int Rows, long Responses, long Sent);
