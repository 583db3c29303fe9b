using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>Valid template request bodies to start from; tests change one field to test it.</summary>
public static class TemplateBodies
{
    public static JsonObject Csat(string trigger = "ticket.resolved") => new()
    {
        ["name"] = "Post-resolution CSAT",
        ["kind"] = "csat",
        ["trigger"] = trigger,
        ["cancelOn"] = new JsonArray("ticket.reopened"),
        ["delay"] = "PT24H",
        ["reminderAfter"] = "P2D",
        ["expiresAfter"] = "P14D",
        ["quietPeriod"] = "P30D",
        ["sampleRate"] = 1.0,
        ["sendWindow"] = new JsonObject { ["start"] = "09:00", ["end"] = "20:00" },
        ["defaultLocale"] = "en",
        ["content"] = new JsonObject
        {
            ["en"] = Content("How did we do, {{ customer.name }}?", "How satisfied are you with the resolution of {{ subject.id }}?"),
            ["sk"] = Content("Ako sme to zvládli, {{ customer.name }}?", "Ako ste spokojný s vyriešením {{ subject.id }}?"),
            ["pl"] = Content("Jak nam poszło, {{ customer.name }}?", "Jak oceniasz rozwiązanie {{ subject.id }}?"),
            ["he"] = Content("איך עשינו, {{ customer.name }}?", "עד כמה אתה מרוצה מהפתרון של {{ subject.id }}?"),
        },
    };

    private static JsonObject Content(string subject, string question) => new()
    {
        ["subject"] = subject,
        ["question"] = question,
        ["lowLabel"] = "1",
        ["highLabel"] = "5",
        ["commentPrompt"] = "?",
        ["thankYou"] = "!",
    };
}

public static class JsonObjectExtensions
{
    /// <summary>Sets <paramref name="property"/> to the parsed <paramref name="json"/> (<c>"null"</c> is JSON null), or removes it when <paramref name="json"/> is null.</summary>
    public static JsonObject With(this JsonObject body, string property, string? json)
    {
        if (json is null)
        {
            body.Remove(property);
        }
        else
        {
            body[property] = JsonNode.Parse(json);
        }
        return body;
    }
}
