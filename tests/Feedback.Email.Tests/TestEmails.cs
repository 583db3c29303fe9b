using Feedback.Core;
using Feedback.Core.Delivery;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Feedback.Email.SendGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Email.Tests;

internal sealed record FixedUrls(string BaseUrl) : IPublicUrls;

/// <summary>Rendered batches and service providers built the way the host builds them (<see cref="EmailExtensions.AddEmail"/>).</summary>
internal static class TestEmails
{
    public const string ApiKey = "SG.test-key";
    public const string PublicBaseUrl = "https://feedback.example.com";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Survey Survey(int n, string? name = null) => new()
    {
        Id = $"srv_{n}",
        TemplateId = "tpl_1",
        TemplateVersion = 1,
        Kind = SurveyKind.Csat,
        SubjectId = $"ticket-{n}",
        Customer = new Customer($"c-{n}", $"customer{n}@example.sk", name ?? $"Customer {n}"),
        Locale = "en",
        Status = SurveyStatus.Sending,
        SendAt = Now,
        CreatedAt = Now,
        Token = $"token{n:D3}-{new string('x', 24)}",
    };

    public static EmailBatch Batch(int recipients = 3) => Batch(Enumerable.Range(1, recipients).Select(n => Survey(n)).ToList());

    public static EmailBatch Batch(IReadOnlyList<Survey> surveys)
    {
        var template = new SurveyTemplate
        {
            Id = "tpl_1",
            Version = 1,
            Status = TemplateStatus.Active,
            Name = "Post-resolution CSAT",
            Kind = SurveyKind.Csat,
            DefaultLocale = "en",
            Content = new Dictionary<string, LocaleContent>
            {
                ["en"] = new("How did we do, {{ customer.name }}?", "How satisfied are you with {{ subject.id }}?", "Bad", "Great"),
            },
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        return new SurveyEmailRenderer(new FixedUrls(PublicBaseUrl)).Render(template, "en", surveys);
    }

    public static ServiceProvider Services(
        Dictionary<string, string?> settings, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddSingleton<IPublicUrls>(new FixedUrls(PublicBaseUrl));
        services.AddFeedbackCore();
        services.AddEmail(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static Dictionary<string, string?> SendGridSettings(string baseUrl) => new()
    {
        ["Feedback:SendGrid:ApiKey"] = ApiKey,
        ["Feedback:SendGrid:BaseUrl"] = baseUrl,
    };
}
