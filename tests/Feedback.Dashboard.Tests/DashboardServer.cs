using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// The real service on a real loopback port (Kestrel), so a browser can load the dashboard: a temp SQLite file filled
/// with demo data, a fixed <see cref="FakeTimeProvider"/> clock, the bootstrap admin key and a read key made through the API.
/// Its embed pages may be framed by <paramref name="frameAncestor"/> only.
/// </summary>
public sealed class DashboardServer(string frameAncestor) : WebApplicationFactory<Program>
{
    public const string AdminKey = "dashboard-admin-key-0123456789abcdef";
    public const int DemoAnswers = 1500;

    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-dashboard-").FullName;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public string BaseUrl { get; private set; } = "";

    public string ReadKey { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Feedback:Storage:Sqlite:Path", Path.Combine(_directory, "feedback.db"));
        builder.UseSetting("Feedback:Auth:AdminKey", AdminKey);
        builder.UseSetting("Feedback:Demo:Seed", "true");
        builder.UseSetting("Feedback:Demo:Answers", DemoAnswers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Feedback:Demo:Days", "60");
        builder.UseSetting("Feedback:Pages:FrameAncestors", frameAncestor);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public async Task StartAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var admin = Client(AdminKey);
        var created = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "dashboard tests", scopes = new[] { "read" } });
        created.EnsureSuccessStatusCode();
        ReadKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>A client of the real port with <paramref name="apiKey"/> as its Bearer token.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>The id of the demo template of a kind.</summary>
    public async Task<string> TemplateIdAsync(string kind)
    {
        using var client = Client(ReadKey);
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/templates?limit=100");
        return page.GetProperty("items").EnumerateArray().First(t => t.GetProperty("kind").GetString() == kind).GetProperty("id").GetString()!;
    }

    /// <summary>Creates a template through the API (no trigger: it only collects the answers posted to it).</summary>
    public async Task<string> CreateTemplateAsync(string name, string kind)
    {
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync("/v1/templates", new
        {
            name, kind, defaultLocale = "en",
            content = new Dictionary<string, object> { ["en"] = new { subject = "How did we do?", question = "How was it?" } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The answer link of a new link survey of a new template (POST /v1/surveys with delivery link).</summary>
    public async Task<string> LinkSurveyAsync()
    {
        var templateId = await CreateTemplateAsync("Embedded survey", "csat");
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync("/v1/surveys", new
        {
            templateId, delivery = "link", subjectId = "order-embedded", customer = new { id = "customer-embedded" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answerUrl").GetString()!;
    }

    /// <summary>Records an answer as another service would (POST /v1/responses), an hour before now.</summary>
    public async Task AnswerAsync(string templateId, string id, int score, string comment, string locale)
    {
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync("/v1/responses", new
        {
            id, templateId, score, comment, locale, channel = "chat", subjectId = $"ticket-{id}",
            customer = new { id = $"customer-{id}" }, answeredAt = Time.GetUtcNow().AddHours(-1),
            properties = new { agent = "maria", category = "billing", product = "Pro" },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The CSAT score of a template over the period <see cref="DashboardPage"/> shows, by week, grouped.</summary>
    public async Task<JsonElement> ScoresAsync(string templateId, string groupBy)
    {
        using var client = Client(ReadKey);
        return await client.GetFromJsonAsync<JsonElement>(
            $"/v1/scores/csat?templateId={templateId}&{PeriodQuery}&interval=week&groupBy={groupBy}");
    }

    /// <summary>Every answer with a comment to a template in the period <see cref="DashboardPage"/> shows, page by page.</summary>
    public async Task<IReadOnlyList<JsonElement>> CommentsAsync(string templateId)
    {
        using var client = Client(ReadKey);
        var comments = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var after = cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}";
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"/v1/responses?templateId={templateId}&hasComment=true&{PeriodQuery}&limit=500{after}");
            comments.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return comments;
    }

    private static string PeriodQuery =>
        $"from={DashboardPage.From}T00:00:00Z&to={DateOnly.Parse(DashboardPage.To, System.Globalization.CultureInfo.InvariantCulture).AddDays(1):yyyy-MM-dd}T00:00:00Z";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
