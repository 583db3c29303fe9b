using System.Text.RegularExpressions;
using Feedback.Core.Delivery;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Core.Tests.Delivery;

internal sealed record FixedUrls(string BaseUrl) : IPublicUrls;

internal static partial class EmailFixtures
{
    public const string BaseUrl = "https://feedback.example.com";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static SurveyEmailRenderer Renderer() => new(new FixedUrls(BaseUrl));

    public static LocaleContent Content(
        string subject = "How did we do, {{ customer.name }}?",
        string question = "How satisfied are you with {{ subject.id }}?",
        string? low = "Very unsatisfied",
        string? high = "Very satisfied") => new(subject, question, low, high, "What could we do better?", "Thank you!");

    public static SurveyTemplate Template(SurveyKind kind = SurveyKind.Csat, IReadOnlyDictionary<string, LocaleContent>? content = null) => new()
    {
        Id = "tpl_1",
        Version = 1,
        Status = TemplateStatus.Active,
        Name = "Post-resolution",
        Kind = kind,
        DefaultLocale = "en",
        Content = content ?? new Dictionary<string, LocaleContent> { ["en"] = Content() },
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Survey Survey(
        string id, string? name = "Ján", string subjectId = "ticket-42", Dictionary<string, string>? properties = null) => new()
    {
        Id = id,
        TemplateId = "tpl_1",
        TemplateVersion = 1,
        Kind = SurveyKind.Csat,
        SubjectId = subjectId,
        Customer = new Customer($"c-{id}", $"{id}@example.sk", name, "sk-SK"),
        Locale = "en",
        Properties = properties ?? [],
        Status = SurveyStatus.Sending,
        SendAt = Now,
        CreatedAt = Now,
        Token = $"tok{id}AAAAAAAAAAAAAAAAAAAAAAAAAAA",
    };

    /// <summary>The href of every score link, in document order.</summary>
    public static IReadOnlyList<string> ScoreLinks(string html) =>
        Href().Matches(html).Select(m => m.Groups[1].Value).Where(url => url.Contains("/s/")).ToList();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
