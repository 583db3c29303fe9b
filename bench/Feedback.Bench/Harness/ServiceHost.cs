using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Feedback.Bench.Harness;

/// <summary>
/// The real service (its own Program, configuration and middleware) on Kestrel at a loopback port, SQLite on a temp
/// file, the system clock. <see cref="Settings"/> are applied before start; the Quartz jobs are off so the scenarios drive
/// the dispatcher themselves and time it.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef";
    public const string SqlitePathKey = "Feedback:Storage:Sqlite:Path";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("feedback-bench-").FullName;

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Feedback:Scheduling:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        // The answer scenario drives one-click pages from one IP far above the per-IP page limit: measure the pages, not the limiter.
        ["Feedback:RateLimits:PagePermits"] = "1000000",
    };

    public Uri BaseAddress { get; private set; } = null!;

    public ServiceHost() => UseKestrel(0);

    public async Task<ServiceHost> StartAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        using var probe = Client(null, 1);
        (await probe.GetAsync("/healthz")).EnsureSuccessStatusCode();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The service's appsettings.json is copied next to this assembly; the factory's default looks for a source folder.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting(SqlitePathKey, Path.Combine(DataDirectory, "feedback.db"));
        builder.UseSetting("Feedback:Auth:AdminKey", AdminKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client of its own connection pool (up to <paramref name="connections"/> sockets) with the given API key.</summary>
    public HttpClient Client(string? apiKey, int connections) => Http.Client(BaseAddress, apiKey, connections);

    /// <summary>A new API key with one scope.</summary>
    public async Task<string> KeyAsync(string scope)
    {
        using var admin = Client(AdminKey, 1);
        return await KeyAsync(admin, scope);
    }

    /// <summary>A new API key with one scope, created through <paramref name="admin"/> (an admin-key client).</summary>
    public static async Task<string> KeyAsync(HttpClient admin, string scope)
    {
        var response = await admin.PostAsJsonAsync("/v1/api-keys", new { name = $"bench {scope}", scopes = new[] { scope } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Key;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed record Created(string Key);
}

public static class Http
{
    public static HttpClient Client(Uri baseAddress, string? apiKey, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }
}
