using System.Net.Http.Headers;
using System.Net.Http.Json;
using Feedback.Core.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Api.Tests.Infrastructure;

/// <summary>
/// The real service in memory: a temp SQLite file (real SQLite), a <see cref="FakeTimeProvider"/> as the clock,
/// a known bootstrap admin key and helpers to get clients per scope. Pass <c>dataDirectory</c> to restart on the same data;
/// pass <c>withAdminKey: false</c> to start without <c>Feedback:Auth:AdminKey</c> (the service then generates one).
/// </summary>
public sealed class FeedbackApiFactory(string? dataDirectory = null, bool withAdminKey = true) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly Dictionary<ApiScope, string> _keys = [];
    private readonly bool _ownsDirectory = dataDirectory is null;

    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("feedback-tests-").FullName;

    public string DatabasePath => Path.Combine(DataDirectory, "feedback.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Everything the service logged, formatted.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra configuration (key → value), applied before the host is built.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Extra services (a logger provider, a fake), registered after the service's own.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Feedback:Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("Feedback:Storage:Sqlite:BackupDirectory", Path.Combine(DataDirectory, "backups"));
        if (withAdminKey)
        {
            builder.UseSetting("Feedback:Auth:AdminKey", AdminKey);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient();

    /// <summary>A client whose API key has exactly <paramref name="scope"/> (the bootstrap key for admin).</summary>
    public async Task<HttpClient> CreateClientAsync(ApiScope scope)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeyAsync(scope));
        return client;
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private async Task<string> KeyAsync(ApiScope scope)
    {
        if (!withAdminKey)
        {
            throw new InvalidOperationException("This factory has no configured admin key; read the generated one from Logs.");
        }
        if (scope == ApiScope.Admin)
        {
            return AdminKey;
        }
        if (!_keys.TryGetValue(scope, out var key))
        {
            using var admin = CreateClient(AdminKey);
            var response = await admin.PostAsJsonAsync("/v1/api-keys", new { name = $"test {scope}", scopes = new[] { scope.ToString().ToLowerInvariant() } });
            response.EnsureSuccessStatusCode();
            key = (await response.Content.ReadFromJsonAsync<CreatedKey>())!.Key;
            _keys[scope] = key;
        }
        return key;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private sealed record CreatedKey(string Key);
}
