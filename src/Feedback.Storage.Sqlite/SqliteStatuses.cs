using Feedback.Core.Surveys;
using Feedback.Core.Webhooks;

namespace Feedback.Storage.Sqlite;

/// <summary>
/// Statuses as SQL: a status column holds the enum member's name, and every status or set of statuses a statement
/// names is rendered here once, at type init, from the enum and Core's <see cref="SurveyStatuses"/>. Statements stay
/// constant text (one plan each), and no status is spelled in SQL by hand.
/// </summary>
internal static class SqliteStatuses
{
    public static readonly string Scheduled = Literal(SurveyStatus.Scheduled);
    public static readonly string Sending = Literal(SurveyStatus.Sending);
    public static readonly string Sent = Literal(SurveyStatus.Sent);
    public static readonly string Answered = Literal(SurveyStatus.Answered);
    public static readonly string Cancelled = Literal(SurveyStatus.Cancelled);
    public static readonly string Expired = Literal(SurveyStatus.Expired);

    /// <summary><see cref="SurveyStatuses.Pending"/> as an <c>IN</c> list.</summary>
    public static readonly string Pending = List(SurveyStatuses.Pending);

    /// <summary>
    /// <see cref="SurveyStatuses.Pending"/> as one literal per member, for a statement that names each on its own: a
    /// partial index of one status serves <c>status = 'Scheduled'</c>, never an <c>IN</c> list.
    /// </summary>
    public static readonly IReadOnlyList<string> EachPending = [.. SurveyStatuses.Pending.Select(Literal)];

    /// <summary><see cref="SurveyStatuses.Terminal"/> as an <c>IN</c> list.</summary>
    public static readonly string Terminal = List(SurveyStatuses.Terminal);

    /// <summary><see cref="SurveyStatuses.OutsideQuietPeriod"/> as an <c>IN</c> list.</summary>
    public static readonly string OutsideQuietPeriod = List(SurveyStatuses.OutsideQuietPeriod);

    public static readonly string DeliveryPending = Literal(WebhookDeliveryStatus.Pending);
    public static readonly string DeliverySucceeded = Literal(WebhookDeliveryStatus.Succeeded);
    public static readonly string DeliveryFailed = Literal(WebhookDeliveryStatus.Failed);

    /// <summary>The stored value of a status, as columns hold it and parameters bind it.</summary>
    public static string Value<TStatus>(TStatus status) where TStatus : struct, Enum => status.ToString();

    private static string Literal<TStatus>(TStatus status) where TStatus : struct, Enum => $"'{Value(status)}'";

    private static string List<TStatus>(IEnumerable<TStatus> statuses) where TStatus : struct, Enum =>
        $"({string.Join(", ", statuses.Select(Literal))})";
}
