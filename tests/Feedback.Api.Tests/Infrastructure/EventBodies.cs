using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>Valid event bodies to start from.</summary>
public static class EventBodies
{
    public static JsonObject Resolved(string id, string subjectId = "ticket-42", string customerId = "c-17", string locale = "sk-SK",
        string timeZone = "Europe/Bratislava", string email = "jan@example.sk", string type = "ticket.resolved", string occurredAt = "2026-11-23T10:00:00Z") => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["occurredAt"] = occurredAt,
        ["subjectId"] = subjectId,
        ["customer"] = new JsonObject
        {
            ["id"] = customerId,
            ["email"] = email,
            ["name"] = "Ján",
            ["locale"] = locale,
            ["timeZone"] = timeZone,
        },
        ["properties"] = new JsonObject { ["channel"] = "email", ["agent"] = "maria", ["category"] = "delivery", ["product"] = "X1" },
    };
}
