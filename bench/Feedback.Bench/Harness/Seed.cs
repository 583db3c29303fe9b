using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Core.Scheduling;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Bench.Harness;

/// <summary>Templates through the API, surveys straight through the storage port in bulk, event bodies for the load.</summary>
public static class Seed
{
    public const string Trigger = "ticket.resolved";

    /// <summary>An active NPS template triggered by <see cref="Trigger"/>, sent at once (no delay, any hour).</summary>
    public static async Task<SurveyTemplate> TemplateAsync(ServiceHost host)
    {
        using var admin = host.Client(ServiceHost.AdminKey, 1);
        var id = await TemplateIdAsync(admin);
        return (await host.Services.GetRequiredService<ITemplateStore>().GetAsync(id))!;
    }

    /// <summary>The template of <see cref="TemplateAsync(ServiceHost)"/> created through <paramref name="admin"/> (an admin-key client); its id.</summary>
    public static async Task<string> TemplateIdAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/v1/templates", new JsonObject
        {
            ["name"] = "Bench NPS",
            ["kind"] = "nps",
            ["trigger"] = Trigger,
            ["delay"] = "PT0S",
            ["reminderAfter"] = "P2D",
            ["expiresAfter"] = "P14D",
            ["quietPeriod"] = "P30D",
            ["sampleRate"] = 1.0,
            ["defaultLocale"] = "en",
            ["content"] = new JsonObject
            {
                ["en"] = new JsonObject
                {
                    ["subject"] = "How likely are you to recommend us, {{ customer.name }}?",
                    ["question"] = "How likely are you to recommend us after {{ subject.id }}?",
                    ["lowLabel"] = "Not likely", ["highLabel"] = "Very likely", ["commentPrompt"] = "Why?", ["thankYou"] = "Thank you!",
                },
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the template failed: {(int)response.StatusCode} {body}");
        }
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>One event; every number gives a new event id, subject and customer, so each schedules one survey.</summary>
    public static JsonObject Event(string run, long n) => new()
    {
        ["id"] = $"evt-{run}-{n}",
        ["type"] = Trigger,
        ["occurredAt"] = "2026-11-23T10:00:00Z",
        ["subjectId"] = $"ticket-{run}-{n}",
        ["customer"] = new JsonObject
        {
            ["id"] = $"c-{run}-{n}",
            ["email"] = $"customer{n}@example.com",
            ["name"] = "Jana",
            ["locale"] = "en-GB",
            ["timeZone"] = "Europe/Bratislava",
        },
        ["properties"] = new JsonObject { ["channel"] = "email", ["agent"] = $"agent{n % 20}", ["category"] = $"category{n % 5}" },
    };

    /// <summary>
    /// <paramref name="count"/> surveys of the template (their tokens when asked) with the given status and send time, stored through
    /// <see cref="IEventStore.RecordAsync"/> — the port's one-transaction path for an event's surveys — 1000 per call.
    /// </summary>
    public static async Task<List<string>> SurveysAsync(ServiceHost host, SurveyTemplate template, int count, SurveyStatus status, DateTimeOffset sendAt, string run, bool keepTokens = false)
    {
        var scheduler = host.Services.GetRequiredService<SurveyScheduler>();
        var events = host.Services.GetRequiredService<IEventStore>();
        var now = DateTimeOffset.UtcNow;
        var tokens = new List<string>();
        for (var start = 0; start < count; start += 1000)
        {
            var batch = Enumerable.Range(start, Math.Min(1000, count - start)).Select(n =>
            {
                var customer = new Customer($"c-{run}-{n}", $"customer{n}@example.com", "Jana", "en", "UTC");
                var survey = scheduler.NewSurvey(template, customer, $"ticket-{run}-{n}",
                    new Dictionary<string, string> { ["category"] = $"category{n % 5}" }, now, now, sendAt);
                return survey with
                {
                    Status = status,
                    SendAt = sendAt,
                    SentAt = status == SurveyStatus.Sent ? now : null,
                    ExpiresAt = status == SurveyStatus.Sent ? now.AddDays(14) : null,
                };
            }).ToList();
            var e = new FeedbackEvent($"seed-{run}-{start}", "bench.seed", now, "seed", batch[0].Customer, new Dictionary<string, string>());
            var outcome = new EventOutcome(e.Id, batch.Select(s => new ScheduledSurvey(s.Id, s.TemplateId, s.Status, s.SendAt)).ToList(), [], []);
            await events.RecordAsync(e, outcome, batch, now);
            if (keepTokens)
            {
                tokens.AddRange(batch.Select(s => s.Token));
            }
        }
        return tokens;
    }
}
