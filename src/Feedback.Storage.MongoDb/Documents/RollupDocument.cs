using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Documents;

/// <summary>
/// Which row: the <c>_id</c> of a rollup, so an upsert of the same key can never make a second document. The field
/// order is fixed by this class, and an <c>_id</c> compares field by field in order.
/// </summary>
internal sealed record RollupKey(string TemplateId, string Dimension, string Value, string Day);

/// <summary>
/// One rollup row (collection <c>score_rollups</c>): a count per score as its own field (<c>h0</c>…<c>h10</c>), because
/// <c>$inc</c> of an upsert creates missing fields but would create an array index as an object key.
/// </summary>
internal sealed class RollupDocument
{
    public required RollupKey Id { get; init; }
    public required SurveyKind Kind { get; init; }
    public long H0 { get; init; }
    public long H1 { get; init; }
    public long H2 { get; init; }
    public long H3 { get; init; }
    public long H4 { get; init; }
    public long H5 { get; init; }
    public long H6 { get; init; }
    public long H7 { get; init; }
    public long H8 { get; init; }
    public long H9 { get; init; }
    public long H10 { get; init; }
    public long Sent { get; init; }
    public long Answered { get; init; }

    /// <summary>The element name of score <paramref name="score"/>'s count.</summary>
    public static string Count(int score) => $"h{score}";

    public static RollupDocument From(ScoreRollup r) => new()
    {
        Id = new RollupKey(r.TemplateId, r.Dimension, r.Value, Day(r.Day)),
        Kind = r.Kind,
        H0 = r.Histogram[0], H1 = r.Histogram[1], H2 = r.Histogram[2], H3 = r.Histogram[3], H4 = r.Histogram[4], H5 = r.Histogram[5],
        H6 = r.Histogram[6], H7 = r.Histogram[7], H8 = r.Histogram[8], H9 = r.Histogram[9], H10 = r.Histogram[10],
        Sent = r.Sent,
        Answered = r.Answered,
    };

    public ScoreRollup ToRollup() => new()
    {
        TemplateId = Id.TemplateId,
        Kind = Kind,
        Day = DateOnly.ParseExact(Id.Day, DayFormat, System.Globalization.CultureInfo.InvariantCulture),
        Dimension = Id.Dimension,
        Value = Id.Value,
        Histogram = [H0, H1, H2, H3, H4, H5, H6, H7, H8, H9, H10],
        Sent = Sent,
        Answered = Answered,
    };

    /// <summary>ISO days sort as strings, so a day range is a string range.</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, System.Globalization.CultureInfo.InvariantCulture);

    private const string DayFormat = "yyyy-MM-dd";
}
