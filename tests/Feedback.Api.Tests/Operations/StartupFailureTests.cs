using System.Diagnostics;

namespace Feedback.Api.Tests.Operations;

/// <summary>The real process with bad configuration: exit code 2 and one line on stderr naming the key, no stack trace.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("feedback-startup-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Theory]
    [InlineData("Feedback__Storage__Provider", "oracle", "Feedback:Storage:Provider must be 'sqlite' or 'mongodb'")]
    [InlineData("Feedback__Storage__Provider", "SQLite ", "Feedback:Storage:Provider must be 'sqlite' or 'mongodb'")]
    [InlineData("Feedback__Storage__Provider", "mongodb", "Feedback:Storage:MongoDb:ConnectionString is required when Feedback:Storage:Provider is mongodb")]
    [InlineData("Feedback__PublicBaseUrl", "notaurl", "Feedback:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Feedback__PublicBaseUrl", "/surveys", "Feedback:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Feedback__PublicBaseUrl", "ftp://feedback.example.com", "Feedback:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Feedback__MaxRequestBodyBytes", "12", "Feedback:MaxRequestBodyBytes must be between 1024 and 67108864")]
    [InlineData("Feedback__MaxRequestBodyBytes", "4MB", "Feedback:MaxRequestBodyBytes must be a whole number, not '4MB'")]
    [InlineData("Feedback__MaxRequestBodyBytes", "1000000000000", "Feedback:MaxRequestBodyBytes must be between 1024 and 67108864")]
    [InlineData("Feedback__Storage__Sqlite__Path", "", "Feedback:Storage:Sqlite:Path is required")]
    [InlineData("Feedback__Storage__Sqlite__Synchronous", "OFF", "Feedback:Storage:Sqlite:Synchronous must be 'Full' or 'Normal'")]
    [InlineData("Feedback__Dispatch__BatchSize", "0", "Feedback:Dispatch:BatchSize must be between 1 and 10000")]
    [InlineData("Feedback__Dispatch__PollInterval", "abc", "Feedback:Dispatch:PollInterval must be a time span such as 00:00:05, not 'abc'")]
    [InlineData("Feedback__Webhooks__PollInterval", "abc", "Feedback:Webhooks:PollInterval must be a time span such as 00:00:05, not 'abc'")]
    [InlineData("Feedback__Dispatch__PollInterval", "00:00:00", "Feedback:Dispatch:PollInterval must be a positive time span (e.g. 00:00:05)")]
    [InlineData("Feedback__Webhooks__PollInterval", "-00:00:05", "Feedback:Webhooks:PollInterval must be a positive time span (e.g. 00:00:05)")]
    [InlineData("Feedback__Scheduling__Enabled", "sometimes", "Feedback:Scheduling:Enabled must be true or false, not 'sometimes'")]
    [InlineData("Feedback__RateLimits__PagePermits", "0", "Feedback:RateLimits:PagePermits must be between 1 and 1000000")]
    [InlineData("Feedback__RateLimits__PageWindow", "00:00:00", "Feedback:RateLimits:PageWindow must be between 00:00:01 and 1.00:00:00")]
    [InlineData("Feedback__RateLimits__AuthFailurePermits", "-5", "Feedback:RateLimits:AuthFailurePermits must be between 1 and 1000000")]
    [InlineData("Feedback__RateLimits__AuthFailureWindow", "2.00:00:00", "Feedback:RateLimits:AuthFailureWindow must be between 00:00:01 and 1.00:00:00")]
    [InlineData("Feedback__Webhooks__AllowPrivateNetworks", "maybe", "Feedback:Webhooks:AllowPrivateNetworks must be true or false, not 'maybe'")]
    public async Task BadValueEndsTheProcessWithOneLineNamingTheKey(string variable, string value, string expected)
    {
        var (exitCode, stdout, stderr) = await RunServiceAsync((variable, value));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"Invalid configuration: {expected}", line);
        // No stack trace anywhere, not even in the host's own log of the failed start.
        Assert.DoesNotContain("Exception", stdout + stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task SeveralBadValuesPrintOneLineEach()
    {
        var (exitCode, _, stderr) = await RunServiceAsync(("Feedback__Dispatch__BatchSize", "0"), ("Feedback__PublicBaseUrl", "notaurl"));

        Assert.Equal(2, exitCode);
        Assert.Equal(
            ["Invalid configuration: Feedback:Dispatch:BatchSize must be between 1 and 10000", "Invalid configuration: Feedback:PublicBaseUrl must be an absolute http(s) URL"],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    // Runs Feedback.Api.dll from the test's output folder, where the build copies it with its runtimeconfig and appsettings.
    private async Task<(int ExitCode, string Stdout, string Stderr)> RunServiceAsync(params (string Name, string Value)[] environment)
    {
        var assembly = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Feedback__Storage__Sqlite__Path"] = Path.Combine(_dataDirectory, "feedback.db");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The service did not stop within 30 s; it started despite the bad configuration. Output: {await stdout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
