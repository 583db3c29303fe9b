using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Templates;

/// <summary>A valid template to vary with <c>with</c> expressions.</summary>
public static class TestTemplates
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static SurveyTemplate Valid() => new()
    {
        Id = "tpl_test",
        Version = 1,
        Status = TemplateStatus.Active,
        Name = "Post-resolution CSAT",
        Kind = SurveyKind.Csat,
        Trigger = "ticket.resolved",
        CancelOn = ["ticket.reopened"],
        Delay = IsoDuration.Parse("PT24H"),
        ReminderAfter = IsoDuration.Parse("P2D"),
        ExpiresAfter = IsoDuration.Parse("P14D"),
        QuietPeriod = IsoDuration.Parse("P30D"),
        SampleRate = 1.0,
        SendWindow = new SendWindow(new TimeOnly(9, 0), new TimeOnly(20, 0)),
        DefaultLocale = "en",
        Content = new Dictionary<string, LocaleContent>
        {
            ["en"] = new("How did we do, {{ customer.name }}?", "How satisfied are you?"),
            ["pl"] = new("Jak nam poszło?", "Jak oceniasz?"),
            ["pt-BR"] = new("Como foi?", "Está satisfeito?"),
            ["pt"] = new("Como correu?", "Está satisfeito?"),
            ["he"] = new("איך עשינו?", "עד כמה אתה מרוצה?"),
        },
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
