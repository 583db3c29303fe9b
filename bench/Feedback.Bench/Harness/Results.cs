using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Feedback.Bench.Harness;

/// <summary>Prints a scenario's figures as a table and writes them, with the machine and commit, to <c>&lt;out&gt;/&lt;scenario&gt;.json</c>.</summary>
public static class BenchResults
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task WriteAsync(string outDirectory, string scenario, bool quick, IReadOnlyDictionary<string, object> figures)
    {
        Console.WriteLine($"== {scenario}{(quick ? " (quick)" : "")}");
        foreach (var (name, value) in figures)
        {
            Console.WriteLine($"  {name,-34} {value}");
        }
        var document = new Dictionary<string, object?>
        {
            ["scenario"] = scenario,
            ["quick"] = quick,
            ["measuredAt"] = DateTimeOffset.UtcNow,
            ["figures"] = figures,
            ["machine"] = Machine(),
            ["commit"] = Commit(),
        };
        Directory.CreateDirectory(outDirectory);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, $"{scenario}.json"), JsonSerializer.Serialize(document, Json) + "\n");
    }

    public static Dictionary<string, object?> Machine() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["ramMb"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024),
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["serverGc"] = GCSettings.IsServerGC,
        ["loadAverage"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
    };

    private static string? Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>Memory of this process: resident set (VmRSS) and the managed heap.</summary>
public static class Memory
{
    public static long RssMb()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? Environment.WorkingSet / (1024 * 1024) : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    public static long GcHeapMb() => GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024);

    /// <summary>A full blocking, compacting collection that gives freed memory back to the OS, so RSS shows what is live.</summary>
    public static void Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
