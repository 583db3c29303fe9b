using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Feedback.Deploy.Tests;

/// <summary>
/// The committed OpenAPI document passes Redocly CLI with the committed ruleset (<c>tools/openapi-lint/redocly.yaml</c>)
/// without an error or a warning. Building this project installs the linter there from its package-lock.json (npm ci).
/// </summary>
public sealed class OpenApiLintTests
{
    // Guards against a hung linter only; it takes seconds.
    private static readonly TimeSpan RunGuard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task CommittedDocumentHasNoLintErrorOrWarning()
    {
        var directory = Repo.Combine("tools", "openapi-lint");
        var redocly = Path.Combine(directory, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: build this test project (it runs npm ci there) or run npm ci in {directory}.");
        var start = new ProcessStartInfo(redocly)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "lint", Repo.Combine("openapi", "feedback.v1.json"), "--config", "redocly.yaml", "--format", "json" },
        };
        // No usage data sent and no update check: the suite runs offline and tells no one.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";

        var (stdout, stderr) = await RunAsync(start);

        var report = ParseReport(stdout) ?? throw new InvalidOperationException($"Redocly CLI printed no JSON report:\n{stdout}\n{stderr}");
        var problems = report["problems"]!.AsArray().Select(p =>
            $"{p!["severity"]} {p["ruleId"]} at {p["location"]?[0]?["pointer"]}: {p["message"]}").ToList();
        Assert.True(problems.Count == 0,
            $"openapi/feedback.v1.json has {report["totals"]?["errors"]} lint errors and {report["totals"]?["warnings"]} warnings:\n{string.Join('\n', problems)}");
        Assert.Equal(0, (int)report["totals"]!["errors"]!);
        Assert.Equal(0, (int)report["totals"]!["warnings"]!);
    }

    private static JsonObject? ParseReport(string stdout)
    {
        var start = stdout.IndexOf('{');
        return start < 0 ? null : JsonNode.Parse(stdout[start..])?.AsObject();
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(RunGuard);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return (await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
