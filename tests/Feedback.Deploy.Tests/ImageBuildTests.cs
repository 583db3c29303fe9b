using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Feedback.Deploy.Tests;

/// <summary>
/// What <c>docker build</c> and <c>docker run</c> would do, done here without a daemon: the Dockerfile's stages replayed
/// (<see cref="DockerBuildReplay"/>: its own restore and publish commands, with TARGETARCH this machine's), then the final
/// stage's ENTRYPOINT started in the final stage's WORKDIR with only the image's ENV and the README's <c>docker run -e</c>,
/// until /healthz answers.
/// </summary>
public sealed class ImageBuildTests : IDisposable
{
    // Guards against a hung build or start only; a slow machine is not a failure.
    private static readonly TimeSpan RunGuard = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan StartGuard = TimeSpan.FromMinutes(3);

    private readonly string workDir = Directory.CreateTempSubdirectory("feedback-image-").FullName;

    [Fact]
    public async Task ImageBuiltByTheDockerfilesOwnCommandsStartsWithOnlyItsEnvironmentAndAnswersHealthz()
    {
        var ct = TestContext.Current.CancellationToken;
        var replay = new DockerBuildReplay(workDir, DockerBuildReplay.PlatformArgs());
        var image = await replay.BuildAsync(DockerfileReader.Stages(DockerfileReader.Read()), RunGuard, ct);

        // The only RUN left out is the one that installs node and npm, which the dashboard build needs here too.
        Assert.All(replay.Skipped, command => Assert.Contains("install -y --no-install-recommends nodejs npm", command, StringComparison.Ordinal));
        var apphost = image.Map(image.Entrypoint[0]);
        Assert.True(File.Exists(apphost), $"No {image.Entrypoint[0]} in {image.WorkDir}: the image's ENTRYPOINT would not start.");
        // A named volume takes its owner from the image's /data, so the image must bring one.
        Assert.True(Directory.Exists(image.Map("/data")), "The image has no /data for the database volume.");
        // Comment themes' language data comes from npm at build time, embedded in the domain assembly.
        Assert.Superset(new HashSet<string> { "themes/he.dic", "themes/pl.aff", "themes/pl.dic", "themes/sk.dic", "themes/stopwords.json" },
            EmbeddedResources(image.Map(Path.Combine(image.WorkDir, "Feedback.Core.dll"))));

        var port = FreeLoopbackPort();
        using var app = ChildProcess.Start(ContainerLikeStart(image, apphost, port));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var healthz = new Uri($"http://127.0.0.1:{port}/healthz");
        var guard = Stopwatch.StartNew();
        HttpStatusCode? lastStatus = null;
        while (guard.Elapsed < StartGuard && !app.HasExited)
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
                    // The image's ENV puts the database on the volume.
                    Assert.True(File.Exists(image.Map("/data/feedback.db")), $"No /data/feedback.db after start:\n{app.Output}");
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
            : $"No 200 from {healthz} before the guard ran out (last status: {lastStatus?.ToString() ?? "no answer"}):\n{app.Output}");
    }

    private static HashSet<string> EmbeddedResources(string assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return [.. metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name))];
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

    // The image's ENV and the README's `docker run -e`, nothing inherited: a setting the app silently needs from a
    // developer's environment would fail here. Paths in the ENV point into the replayed image.
    private static ProcessStartInfo ContainerLikeStart(ReplayedStage image, string apphost, int port)
    {
        var start = new ProcessStartInfo(apphost) { WorkingDirectory = image.Map(image.WorkDir) };
        start.Environment.Clear();
        foreach (var (name, value) in image.Env)
        {
            start.Environment[name] = value.StartsWith('/') ? image.Map(value) : value;
        }

        // Loopback only, on a free port: ASPNETCORE_URLS wins over the image's ASPNETCORE_HTTP_PORTS=8080 on all interfaces.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
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
