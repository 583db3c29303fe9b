using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Feedback.Reliability.Tests;

/// <summary>
/// The built service (<c>dotnet Feedback.Api.dll</c>) as a child process with configuration in its environment.
/// <see cref="Kill"/> is <c>kill -9</c>: no shutdown code runs, exactly like a crash or an OOM kill.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string AdminKey = "reliability-admin-key-0123456789abcdef";

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServiceProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public string BaseUrl { get; }

    /// <summary>Authenticated with the admin key.</summary>
    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dll = ApiAssembly();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Feedback__Auth__AdminKey"] = AdminKey;
        start.Environment["Feedback__PublicBaseUrl"] = baseUrl;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var service = new ServiceProcess(Process.Start(start)!, baseUrl);
        service._process.OutputDataReceived += (_, e) => service.Remember(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Remember(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        await service.WaitUntilHealthyAsync();
        return service;
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's graceful shutdown; waits until the process has exited.</summary>
    public async Task StopAsync()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString()]).WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public string Output()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output()}");
            }
            try
            {
                if ((await Client.GetAsync("/healthz", timeout.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 50)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The service is built with this test project (project reference), in the same configuration: bin/<config>/<tfm>.
    private static string ApiAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (here.Name, here.Parent!.Name);
        var root = here;
        while (!File.Exists(Path.Combine(root.FullName, "Feedback.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Feedback.sln not found above the test output.");
        }
        var dll = Path.Combine(root.FullName, "src", "Feedback.Api", "bin", configuration, tfm, "Feedback.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Feedback.Api first.", dll);
    }
}
