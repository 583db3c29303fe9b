using Feedback.Core.Auth;
using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Tests;

/// <summary>Domain values with every field set, at whole milliseconds (the precision MongoDB keeps).</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);

    public static SurveyTemplate Template() => new()
    {
        Id = "tpl_0193f1c2a0007000a000000000000001",
        Version = 3,
        Status = TemplateStatus.Active,
        Name = "Post-resolution CSAT",
        Kind = SurveyKind.Csat,
        Trigger = "ticket.resolved",
        CancelOn = ["ticket.reopened", "ticket.merged"],
        Delay = IsoDuration.Parse("PT24H"),
        ReminderAfter = IsoDuration.Parse("P2D"),
        ExpiresAfter = IsoDuration.Parse("P14D"),
        QuietPeriod = IsoDuration.Parse("P30D"),
        SampleRate = 0.25,
        SendWindow = new SendWindow(new TimeOnly(9, 0), new TimeOnly(20, 30, 15, 500)),
        Reasons = new TemplateReasons(2, ["slow_response", "rude"]),
        DefaultLocale = "en",
        Content = new Dictionary<string, LocaleContent>
        {
            ["en"] = new("How did we do, {{ customer.name }}?", "How satisfied are you?", "Very unsatisfied", "Very satisfied", "What could we do better?", "Thank you!",
                new Dictionary<string, string> { ["slow_response"] = "Slow response", ["rude"] = "Rude" }),
            ["he"] = new("איך היה?", "עד כמה אתה מרוצה?", ReasonLabels: new Dictionary<string, string> { ["rude"] = "לא מנומס" }),
        },
        CreatedAt = Now.AddDays(-2),
        UpdatedAt = Now,
    };

    public static Survey Survey() => new()
    {
        Id = "srv_0193f1c2a0007000a000000000000002",
        TemplateId = "tpl_0193f1c2a0007000a000000000000001",
        TemplateVersion = 3,
        Kind = SurveyKind.Nps,
        EventId = "helpdesk-ticket-42-resolved",
        SubjectId = "ticket-42",
        Customer = new Customer("c-17", "jan@example.sk", "Ján", "sk-SK", "Europe/Bratislava"),
        Locale = "sk",
        Properties = new Dictionary<string, string> { ["channel"] = "email", ["shop.region"] = "eu-central" },
        Status = SurveyStatus.Sent,
        SendAt = Now,
        CreatedAt = Now.AddHours(-24),
        Token = "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAA",
        Attempts = 2,
        LeaseOwner = "host:42:abc",
        LeaseUntil = Now.AddMinutes(5),
        SentAt = Now.AddSeconds(1),
        ReminderAt = Now.AddDays(2),
        ReminderSentAt = Now.AddDays(2).AddMinutes(1),
        ExpiresAt = Now.AddDays(14),
        DeliveredAt = Now.AddSeconds(5),
        OpenedAt = Now.AddMinutes(7),
        AnsweredAt = Now.AddMinutes(8),
        FailureReason = "429 from the mail provider",
    };

    /// <summary>A just-scheduled survey: only the required fields.</summary>
    public static Survey ScheduledSurvey() => new()
    {
        Id = "srv_0193f1c2a0007000a000000000000003",
        TemplateId = "tpl_0193f1c2a0007000a000000000000001",
        TemplateVersion = 1,
        Kind = SurveyKind.Csat,
        SubjectId = "order-7",
        Customer = new Customer("c-18", "ewa@example.pl"),
        Locale = "en",
        Status = SurveyStatus.Scheduled,
        SendAt = Now,
        CreatedAt = Now,
        Token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
    };

    /// <summary>An answer to <see cref="Survey"/> with a Hebrew comment, changed after it was first given.</summary>
    public static SurveyResponse Response() => new()
    {
        Id = "rsp_srv_0193f1c2a0007000a000000000000002",
        SurveyId = "srv_0193f1c2a0007000a000000000000002",
        TemplateId = "tpl_0193f1c2a0007000a000000000000001",
        Kind = SurveyKind.Nps,
        Score = 9,
        Comment = "שירות מעולה, תודה!",
        Reasons = ["slow_response", "rude"],
        Locale = "he",
        CustomerId = "c-17",
        SubjectId = "ticket-42",
        Channel = "email",
        Properties = new Dictionary<string, string> { ["channel"] = "email", ["shop.region"] = "eu-central" },
        AnsweredAt = Now.AddMinutes(8),
        UpdatedAt = Now.AddMinutes(9),
    };

    /// <summary>An answer taken by phone: no survey, no comment, no properties.</summary>
    public static SurveyResponse PhoneResponse() => new()
    {
        Id = "call-2026-11-23-0042",
        TemplateId = "tpl_0193f1c2a0007000a000000000000001",
        Kind = SurveyKind.Csat,
        Score = 2,
        Locale = "en",
        CustomerId = "c-18",
        SubjectId = "order-7",
        Channel = "phone",
        AnsweredAt = Now,
        UpdatedAt = Now,
    };

    public static ApiKey Key() => new("key_0193f1c2a0007000a000000000000004", "helpdesk", [ApiScope.Ingest, ApiScope.Read],
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Now, Now.AddDays(1));

    public static EventOutcome Outcome() => new(
        "helpdesk-ticket-42-resolved",
        [new ScheduledSurvey("srv_0193f1c2a0007000a000000000000002", "tpl_a", SurveyStatus.Scheduled, Now.AddHours(24))],
        [new SkippedTemplate("tpl_b", SkipReason.QuietPeriod), new SkippedTemplate("tpl_c", SkipReason.Duplicate)],
        ["srv_0193f1c2a0007000a000000000000009"]);
}
