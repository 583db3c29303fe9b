using System.Net.Http.Headers;
using Feedback.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Client.Tests;

/// <summary>
/// The real service in memory for the generated client to call: a temp SQLite file, a fixed clock, a known bootstrap admin
/// key, and the survey jobs kept from running on their own.
/// </summary>
public sealed class FeedbackService : WebApplicationFactory<Program>
{
    public const string AdminKey = "client-tests-admin-key-0123456789";

    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-client-tests-").FullName;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The generated client calling the service with <paramref name="apiKey"/> (none: anonymous).</summary>
    public FeedbackClient Client(string? apiKey)
    {
        var http = CreateClient();
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return new FeedbackClient(http);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Feedback:Storage:Sqlite:Path", Path.Combine(_directory, "feedback.db"));
        builder.UseSetting("Feedback:Storage:Sqlite:BackupDirectory", Path.Combine(_directory, "backups"));
        builder.UseSetting("Feedback:Auth:AdminKey", AdminKey);
        builder.UseSetting("Feedback:Dispatch:PollInterval", "01:00:00");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
