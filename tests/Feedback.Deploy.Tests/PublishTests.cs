using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Feedback.Deploy.Tests;

/// <summary>
/// What the image's build stage does, done here without Docker: build/publish.sh, then the
/// published apphost started the way the ENTRYPOINT starts it, with only the container's environment.
/// </summary>
public sealed class PublishTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string workDir = Directory.CreateTempSubdirectory("feedback-publish-").FullName;

    [Fact]
    public async Task PublishedAppStartsWithOnlyTheContainerEnvironmentAndAnswersHealthz()
    {
        var ct = TestContext.Current.CancellationToken;
        var appDir = Path.Combine(workDir, "app");
        var publish = new ProcessStartInfo("bash", [Repo.Combine("build", "publish.sh"), appDir, RuntimeInformation.RuntimeIdentifier])
        {
            WorkingDirectory = Repo.Root,
        };
        // Variables the test host inherited from `dotnet test` would steer the nested build.
        foreach (var name in publish.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            publish.Environment.Remove(name);
        }

        var (exitCode, publishOutput) = await ChildProcess.RunAsync(publish, PublishTimeout, ct);
        Assert.True(exitCode == 0, $"build/publish.sh failed ({exitCode}):\n{publishOutput}");
        var apphost = Path.Combine(appDir, "Feedback.Api");
        Assert.True(File.Exists(apphost), $"No apphost {apphost}: the image's ENTRYPOINT [\"./Feedback.Api\"] would not start.");

        var port = FreeLoopbackPort();
        using var app = ChildProcess.Start(ContainerLikeStart(apphost, port));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var healthz = new Uri($"http://127.0.0.1:{port}/healthz");
        var deadline = Stopwatch.StartNew();
        HttpStatusCode? lastStatus = null;
        while (deadline.Elapsed < StartTimeout && !app.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(healthz, ct);
                lastStatus = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    // The chart library is copied from npm at build time: the published app must serve it too.
                    using var chart = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/dashboard/chart.umd.min.js"), ct);
                    Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
                    return;
                }

                // Kestrel listens only once all routes are mapped: a 404 now will not become a 200.
                Assert.False(response.StatusCode == HttpStatusCode.NotFound, $"Feedback.Api runs but has no /healthz route:\n{app.Output}");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        Assert.Fail(app.HasExited
            ? $"Feedback.Api exited before answering /healthz:\n{app.Output}"
            : $"No 200 from {healthz} within {StartTimeout.TotalSeconds} s (last status: {lastStatus?.ToString() ?? "no answer"}):\n{app.Output}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not a test failure.
        }
    }

    // The Dockerfile's ENV and the documented `docker run -e`, nothing inherited: a setting the app
    // silently needs from a developer's environment would fail here.
    private ProcessStartInfo ContainerLikeStart(string apphost, int port)
    {
        var start = new ProcessStartInfo(apphost) { WorkingDirectory = Path.GetDirectoryName(apphost)! };
        start.Environment.Clear();
        // Loopback only, on a free port, instead of the image's ASPNETCORE_HTTP_PORTS=8080 on all interfaces.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Feedback__Storage__Sqlite__Path"] = Path.Combine(workDir, "data", "feedback.db");
        start.Environment["Feedback__Auth__AdminKey"] = "deploy-test-admin-key-0123456789abcdef";
        // Where the image keeps the shared framework is where the apphost looks by default; here the
        // framework may be elsewhere, so point it at the one running this test.
        start.Environment["DOTNET_ROOT"] = DotnetRoot();
        return start;
    }

    // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
