using System.Diagnostics;

namespace Feedback.Bench.Harness;

/// <summary>
/// The service or the bare endpoint in a process of its own (this bench run as <c>serve service|bare</c>), so the CPU
/// time each side spends is its own: <see cref="CpuTime"/> reads the child's user + system time from <c>/proc</c>, and
/// the load generator's CPU stays in this process. The child serves until its standard input closes.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private const string ListeningPrefix = "listening ";
    private readonly Process _process;

    private ChildHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="role"/> (<c>service</c> or <c>bare</c>); <paramref name="settings"/> are <c>key=value</c> configuration for the service.</summary>
    public static async Task<ChildHost> StartAsync(string role, params string[] settings)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(ChildHost).Assembly.Location, "serve", role }.Concat(settings))
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                // Keep reading what the child writes (its warnings), so a full pipe never blocks it.
                _ = process.StandardOutput.ReadToEndAsync();
                return new ChildHost(process, new Uri(line[ListeningPrefix.Length..]));
            }
        }
        throw new InvalidOperationException($"The {role} process ended before it listened (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    /// <summary>The child's side of <see cref="StartAsync"/>: serves <paramref name="args"/>[1] until standard input closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        IAsyncDisposable host;
        Uri address;
        if (args is [_, "bare"])
        {
            var bare = await BareHost.BaselineAsync();
            (host, address) = (bare, bare.BaseAddress);
        }
        else if (args is [_, "service", ..])
        {
            var service = new ServiceHost();
            foreach (var setting in args[2..])
            {
                var at = setting.IndexOf('=');
                service.Settings[setting[..at]] = setting[(at + 1)..];
            }
            await service.StartAsync();
            (host, address) = (service, service.BaseAddress);
        }
        else
        {
            Console.Error.WriteLine("usage: Feedback.Bench serve <service [key=value]...|bare>");
            return 2;
        }
        await using (host)
        {
            Console.WriteLine($"{ListeningPrefix}{address}");
            await Console.In.ReadToEndAsync();
        }
        return 0;
    }

    /// <summary>User + system CPU time the child has used so far (<c>/proc/&lt;pid&gt;/stat</c>, clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: field 3 is state, so utime (14) and stime (15) are at 11 and 12.
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
