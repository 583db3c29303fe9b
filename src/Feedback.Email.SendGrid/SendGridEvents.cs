using System.Text.Json;
using Feedback.Core.Common;
using Feedback.Core.Storage;

namespace Feedback.Email.SendGrid;

/// <summary>One entry of an Event Webhook batch, read into what the service acts on.</summary>
/// <param name="SurveyId">The <c>survey_id</c> custom argument the sender put on the e-mail.</param>
/// <param name="At">When SendGrid says it happened, or when the batch arrived if the entry has no usable timestamp.</param>
public sealed record SendGridEvent(string? Type, string? Email, string? SurveyId, DateTimeOffset At)
{
    public const string Source = "sendgrid";

    private static readonly HashSet<string> Suppressing = ["bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe"];

    /// <summary>Bounces, drops, spam reports and unsubscribes of a valid address: it must not be mailed again.</summary>
    public Suppression? Suppression => Type is not null && Suppressing.Contains(Type) && Email is not null && Emails.IsValid(Email)
        ? new Suppression(Emails.Normalize(Email), Type, Source, At)
        : null;

    public DateTimeOffset? DeliveredAt => Type == "delivered" ? At : null;

    public DateTimeOffset? OpenedAt => Type == "open" ? At : null;
}

public static class SendGridEvents
{
    /// <summary>The batch's events, skipping entries that are not objects; null when the body is not a JSON array.</summary>
    public static IReadOnlyList<SendGridEvent>? Parse(string payload, DateTimeOffset receivedAt)
    {
        List<JsonElement>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<JsonElement>>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
        return entries?.Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => new SendGridEvent(Text(e, "event"), Text(e, "email"), Text(e, "survey_id"), Timestamp(e) ?? receivedAt))
            .ToList();
    }

    // TryGetInt64 throws on a non-number; one odd entry must not fail the batch (SendGrid would retry it for hours).
    private static DateTimeOffset? Timestamp(JsonElement e) =>
        e.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var unix)
            && unix is > 0 and < 32503680000
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
