using Feedback.Core.Auth;
using Feedback.Core.Common;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

/// <summary>Sample templates, keys and surveys, and value comparisons of them, shared by the contract classes.</summary>
public abstract class SampleData<TAdapter> : StorageFixture<TAdapter> where TAdapter : StorageUnderTest, new()
{
    // Records compare their list and dictionary members by reference; these stand in for them so the rest compares by value.
    private static readonly string[] NoEvents = [];
    private static readonly Dictionary<string, LocaleContent> NoContent = [];
    private static readonly ApiScope[] NoScopes = [];
    protected static readonly Dictionary<string, string> NoProperties = [];

    private int _surveySamples;

    /// <summary>A template with every field set and content in four languages; each call is one second later, so ids ascend.</summary>
    protected SurveyTemplate SampleTemplate(string? trigger = "ticket.resolved")
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return new SurveyTemplate
        {
            Id = Ids.New("tpl", Time),
            Version = 1,
            Status = TemplateStatus.Active,
            Name = "Post-resolution CSAT",
            Kind = SurveyKind.Csat,
            Trigger = trigger,
            CancelOn = ["ticket.reopened", "ticket.merged"],
            Delay = IsoDuration.Parse("PT24H"),
            ReminderAfter = IsoDuration.Parse("P2D"),
            ExpiresAfter = IsoDuration.Parse("P14D"),
            QuietPeriod = IsoDuration.Parse("P30D"),
            SampleRate = 0.25,
            SendWindow = new SendWindow(new TimeOnly(9, 0), new TimeOnly(20, 30)),
            Reasons = new TemplateReasons(2, ["slow_response", "not-solved"]),
            DefaultLocale = "en",
            Content = new Dictionary<string, LocaleContent>
            {
                ["en"] = new("How did we do, {{ customer.name }}?", "How satisfied are you with {{ subject.id }}?",
                    "Very unsatisfied", "Very satisfied", "What could we do better?", "Thank you!",
                    new Dictionary<string, string> { ["slow_response"] = "Slow response", ["not-solved"] = "Not solved" }),
                ["sk"] = new("Ako sme to zvládli, {{ customer.name }}?", "Ako ste spokojný s vyriešením {{ subject.id }}?",
                    "Veľmi nespokojný", "Veľmi spokojný", "Čo by sme mohli zlepšiť?", "Ďakujeme! Ľúbime ťa, ďateľ.",
                    new Dictionary<string, string> { ["slow_response"] = "Pomalá odpoveď" }),
                ["he"] = new("איך היה, {{ customer.name }}?", "עד כמה אתה מרוצה מהפתרון של {{ subject.id }}?",
                    "לא מרוצה בכלל", "מרוצה מאוד", "מה נוכל לשפר?", "תודה רבה!"),
                ["pl"] = new("Jak nam poszło, {{ customer.name }}?", "Czy jesteś zadowolony z rozwiązania {{ subject.id }}?",
                    "Bardzo niezadowolony", "Bardzo zadowolony", "Co możemy poprawić?", "Dziękujemy! Zażółć gęślą jaźń."),
            },
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        };
    }

    /// <summary>The next version of <paramref name="template"/>, changed as a PUT would change it.</summary>
    protected SurveyTemplate NextVersion(SurveyTemplate template, TemplateStatus? status = null, string? name = null)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return template with
        {
            Version = template.Version + 1,
            Status = status ?? template.Status,
            Name = name ?? template.Name,
            UpdatedAt = Time.GetUtcNow(),
        };
    }

    /// <summary>Creates <paramref name="template"/> and archives it as version 2.</summary>
    protected async Task<SurveyTemplate> CreateArchivedAsync(SurveyTemplate template)
    {
        await Templates.CreateAsync(template);
        var archived = NextVersion(template, TemplateStatus.Archived);
        Assert.True(await Templates.ReplaceAsync(archived, template.Version));
        return archived;
    }

    protected ApiKey SampleKey(params ApiScope[] scopes)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        var id = Ids.New("key", Time);
        return new ApiKey(id, $"key of {string.Join('+', scopes)}", scopes, ApiKeySecrets.Hash(ApiKeySecrets.Generate()), Time.GetUtcNow());
    }

    /// <summary>
    /// A scheduled survey for a Hebrew-speaking customer in Jerusalem, due an hour after it is created. Each call is one
    /// millisecond later (so ids ascend and times carry milliseconds) and, unless <paramref name="subjectId"/> is given,
    /// about a subject of its own, so samples never share a dedupe key by accident.
    /// </summary>
    protected Survey SampleSurvey(string templateId = "tpl_csat", string? subjectId = null, string customerId = "cus_dana", DateTimeOffset? sendAt = null)
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        _surveySamples++;
        return new Survey
        {
            Id = Ids.New("srv", Time),
            TemplateId = templateId,
            TemplateVersion = 3,
            Kind = SurveyKind.Csat,
            EventId = $"evt-{_surveySamples}",
            SubjectId = subjectId ?? $"ticket-{_surveySamples}",
            Customer = new Customer(customerId, $"{customerId}@example.co.il", "דנה כהן", "he-IL", "Asia/Jerusalem"),
            Locale = "he",
            Properties = new Dictionary<string, string> { ["ticket.subject"] = "המדפסת לא מדפיסה", ["agent"] = "Ľubomír Ďurček", ["priority"] = "" },
            Status = SurveyStatus.Scheduled,
            SendAt = sendAt ?? Time.GetUtcNow().AddHours(1),
            CreatedAt = Time.GetUtcNow(),
            Token = SurveyTokens.New(),
        };
    }

    /// <summary>A survey sent once at <paramref name="sentAt"/>, as the dispatcher leaves it.</summary>
    protected Survey SampleSentSurvey(DateTimeOffset sentAt, DateTimeOffset? reminderAt, DateTimeOffset expiresAt, string templateId = "tpl_csat") =>
        SampleSurvey(templateId, sendAt: sentAt) with
        {
            Status = SurveyStatus.Sent,
            Attempts = 1,
            SentAt = sentAt,
            ReminderAt = reminderAt,
            ExpiresAt = expiresAt,
        };

    protected static void AssertSameTemplate(SurveyTemplate expected, SurveyTemplate? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.CancelOn, actual.CancelOn);
        Assert.Equal(expected.Reasons?.MaxScore, actual.Reasons?.MaxScore);
        Assert.Equal(expected.Reasons?.Codes ?? [], actual.Reasons?.Codes ?? []);
        Assert.Equal(Labels(expected), Labels(actual));
        Assert.Equal(WithoutLabels(expected), WithoutLabels(actual));
        Assert.Equal(
            expected with { CancelOn = NoEvents, Content = NoContent, Reasons = null },
            actual with { CancelOn = NoEvents, Content = NoContent, Reasons = null });
    }

    private static IEnumerable<string> Labels(SurveyTemplate t) =>
        t.Content.SelectMany(c => (c.Value.ReasonLabels ?? new Dictionary<string, string>()).Select(l => $"{c.Key}.{l.Key}={l.Value}"))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, LocaleContent>> WithoutLabels(SurveyTemplate t) =>
        t.Content.Select(c => KeyValuePair.Create(c.Key, c.Value with { ReasonLabels = null })).OrderBy(c => c.Key, StringComparer.Ordinal);

    protected static void AssertSameKey(ApiKey expected, ApiKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Scopes, actual.Scopes);
        Assert.Equal(expected with { Scopes = NoScopes }, actual with { Scopes = NoScopes });
    }

    protected static void AssertSameSurvey(Survey expected, Survey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected with { Properties = NoProperties }, actual with { Properties = NoProperties });
    }
}
