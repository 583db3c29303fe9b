using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Hosting.Storage;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feedback.Api.Tests.Operations;

/// <summary>
/// The SQLite file on a real small file system, a tmpfs this test mounts (so it needs root and mount, and says so when
/// skipped): while the file system is full, ingest answers 503 with Retry-After, /readyz says why, the metric counts it
/// and the refusal is one log line; once it grows, ingest works, and every event acknowledged with a 202 is stored,
/// also after a restart. (A tmpfs cannot be remounted read-only while files on it are open for writing, so the other
/// faults are checked where SQLite's codes are translated, in the storage tests.)
/// </summary>
public sealed class StorageFaultTests : IAsyncDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("feedback-tmpfs-").FullName;
    private bool _mounted;

    [Fact]
    public async Task FullDiskIs503WithRetryAfterUntilTheFileSystemGrowsAndNothingAcknowledgedIsLost()
    {
        Mount("size=2m");
        var acknowledged = new List<string>();
        string refusedId;
        await using (var factory = NewFactory())
        {
            using var admin = await factory.CreateClientAsync(ApiScope.Admin);
            using var anonymous = factory.CreateAnonymousClient();
            (await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat())).EnsureSuccessStatusCode();
            FillTheFileSystem();

            var refused = await PostUntilRefusedAsync(admin, acknowledged);
            refusedId = $"e-{acknowledged.Count}";
            var ready = await anonymous.GetAsync("/readyz");
            var metrics = await anonymous.GetStringAsync("/metrics");

            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("The service's disk is full. Nothing of this request was stored; send it again after Retry-After.", (string?)problem["detail"]);
            var readiness = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("disk_full", (string?)readiness["detail"]);
            Assert.Equal(TimeSpan.FromSeconds(30), ready.Headers.RetryAfter?.Delta);
            Assert.Matches(@"(?m)^feedback_storage_faults_total\{[^}]*fault=""disk_full""[^}]*\} 1$", metrics);
            AssertOneWarningLineWithoutStackTrace(factory, "the disk is full");

            Remount("size=64m");
            var retried = await admin.PostAsJsonAsync("/v1/events", Event(refusedId));
            factory.Time.Advance(StorageHealth.RetryAfter);
            var readyAgain = await anonymous.GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
            Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        }

        // A fresh process on the same file: whatever got a 202 is there.
        SqliteConnection.ClearAllPools();
        await using var restarted = NewFactory();
        var events = restarted.Services.GetRequiredService<IEventStore>();
        foreach (var id in acknowledged.Append(refusedId))
        {
            Assert.True(await events.GetOutcomeAsync(id) is { Surveys.Count: 1 }, $"event {id} was acknowledged but is not stored");
        }
    }

    private FeedbackApiFactory NewFactory()
    {
        var factory = new FeedbackApiFactory(_mount);
        // The jobs would write on their own; these tests write only through the API.
        factory.Settings["Feedback:Dispatch:PollInterval"] = "01:00:00";
        factory.Settings["Feedback:Dispatch:HousekeepingInterval"] = "01:00:00";
        factory.Settings["Feedback:Webhooks:PollInterval"] = "01:00:00";
        return factory;
    }

    private static JsonObject Event(string id) =>
        EventBodies.Resolved(id, subjectId: $"ticket-{id}", customerId: $"c-{id}", email: $"{id}@example.sk");

    // Events one by one until the store refuses one (a 2 MiB file system fills long before 5 000 events).
    private static async Task<HttpResponseMessage> PostUntilRefusedAsync(HttpClient admin, List<string> acknowledged)
    {
        for (var i = 0; i < 5000; i++)
        {
            var response = await admin.PostAsJsonAsync("/v1/events", Event($"e-{i}"));
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return response;
            }
            acknowledged.Add($"e-{i}");
        }
        throw new Xunit.Sdk.XunitException("5 000 events fitted on a full 2 MiB file system; the disk never filled up.");
    }

    private static void AssertOneWarningLineWithoutStackTrace(FeedbackApiFactory factory, string expected)
    {
        var logged = factory.Logs.Entries;
        var line = Assert.Single(logged, e => e.Category.EndsWith("StorageUnavailableHandler", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains(expected, line.Message);
        Assert.Null(line.Exception);
        Assert.DoesNotContain(logged, e => e.Exception is SqliteException or StorageUnavailableException
            || e.Exception?.InnerException is SqliteException or StorageUnavailableException);
    }

    private void FillTheFileSystem()
    {
        using var filler = new FileStream(Path.Combine(_mount, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (var size in new[] { 64 * 1024, 4096, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    filler.Write(chunk);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private void Mount(string options)
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "Mounting the small file system this test fills needs root.");
        var (exitCode, error) = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", _mount);
        Assert.SkipWhen(exitCode != 0, $"mount -t tmpfs failed ({exitCode}): {error}");
        _mounted = true;
    }

    private void Remount(string options)
    {
        var (exitCode, error) = Run("mount", "-o", $"remount,{options}", _mount);
        Assert.True(exitCode == 0, $"mount -o remount,{options} failed ({exitCode}): {error}");
    }

    private static (int ExitCode, string Error) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            Run("umount", "--lazy", _mount);
        }
        Directory.Delete(_mount, recursive: true);
        return ValueTask.CompletedTask;
    }
}
