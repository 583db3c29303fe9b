using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Security;

/// <summary>
/// Hostile input against every operation of the served OpenAPI document, so a new endpoint is fuzzed without a new test:
/// every answer is 2xx or 4xx, every 4xx is Problem Details, nothing internal leaks, and the service is healthy after.
/// </summary>
public sealed partial class FuzzTests : ServiceFixture
{
    // FEEDBACK_FUZZ_SEED runs another sequence; the default keeps the suite repeatable.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FEEDBACK_FUZZ_SEED"), out var seed) ? seed : 20261123;

    // Pages for people are not in the API document; their odd tokens and scores are fuzzed too (they answer HTML).
    private static readonly OpenApiOperation[] CustomerPages =
    [
        new("GET", "/s/{token}", [new("token", "path", null), new("score", "query", null)], null),
        new("POST", "/s/{token}", [new("token", "path", null)], null),
        new("GET", "/u/{token}", [new("token", "path", null)], null),
    ];

    [GeneratedRegex(@"   at |Exception|\b(Feedback|System|Microsoft)\.[A-Z]")]
    private static partial Regex Internals();

    // Real Kestrel: the in-memory test server refuses some odd URLs on the client side, and Kestrel's own parsing is under test too.
    protected override void Configure(Dictionary<string, string?> settings) => Factory.UseKestrel(0);

    [Fact]
    public async Task EveryOperationAnswersHostileInputWith2xxOr4xxProblemDetailsAndStaysHealthy()
    {
        var document = new OpenApiOperations((await Admin.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!);
        var templateId = await CreateTemplateAsync(NoDelay);
        var surveyId = await SendSurveyAsync(templateId);
        var token = (await Surveys.GetAsync(surveyId, TestContext.Current.CancellationToken))!.Token;
        string[] knownIds = [templateId, surveyId, token, "c-1", "jan%40example.sk", "evt-1", "resp-1"];
        var cases = new FuzzCases(document, new Random(Seed), knownIds);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var operations = document.All().Concat(CustomerPages).ToList();

        foreach (var fuzz in operations.SelectMany(cases.For))
        {
            using var response = await Admin.SendAsync(fuzz.Request, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var problem = await FindProblemAsync(response, fuzz.Request.RequestUri!);
            if (problem is not null)
            {
                failures.Add($"{fuzz.Name}: {status} {problem}");
            }
        }
        var run = statuses.Values.Sum();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Fuzz (seed {Seed}): {run} cases over {operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; 5xx seen: {statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}");

        Assert.True(failures.Count == 0, $"{failures.Count} of {run} cases failed:\n{string.Join('\n', failures.Take(40))}");
        Assert.True(run > 1000, $"only {run} cases ran");
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>What is wrong with a response, or null when it is an acceptable answer to hostile input.</summary>
    private static async Task<string?> FindProblemAsync(HttpResponseMessage response, Uri uri)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var media = response.Content.Headers.ContentType?.MediaType;
        return status switch
        {
            >= 500 => Short(body),
            // Kestrel refuses an encoded NUL in the path while parsing the request line, before any of our code runs.
            400 when body.Length == 0 && uri.OriginalString.Split('?')[0].Contains("%00", StringComparison.Ordinal) => null,
            _ when !response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.SequenceEqual(["nosniff"]) => "no X-Content-Type-Options: nosniff",
            >= 400 when media != "application/problem+json" && !(media == "text/html" && uri.AbsolutePath[..3] is "/s/" or "/u/") => $"4xx as {media}: {Short(body)}",
            _ when Internals().Match(body) is { Success: true } leak => $"leaks '{leak.Value}': {Short(body)}",
            _ => null,
        };
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
