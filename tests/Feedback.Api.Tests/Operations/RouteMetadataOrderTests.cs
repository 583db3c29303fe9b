using System.Text.RegularExpressions;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Operations;

/// <summary>
/// Every route table (a <c>Map…</c> call and the calls chained below it, one per line) lists its metadata in one order,
/// the one docs/architecture.md states, so a reader finds a route's name, errors, access and tags in the same place.
/// </summary>
public sealed partial class RouteMetadataOrderTests
{
    // The rank of each call allowed in a chain; a call not listed here fails the test until it is given its place.
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["WithName"] = 1,
        ["WithSummary"] = 2,
        ["WithDescription"] = 2,
        ["Accepts"] = 3,
        ["Produces"] = 3,
        ["ProducesProblem"] = 3,
        ["ProducesProblems"] = 3,
        ["ProducesValidationProblem"] = 3,
        ["WithFeedbackErrors"] = 3,
        ["ExcludeFromDescription"] = 3,
        ["AllowAnonymous"] = 4,
        ["RequireAuthorization"] = 4,
        ["RequireRateLimiting"] = 5,
        ["DisableAntiforgery"] = 5,
        ["WithTags"] = 6,
    };

    public static TheoryData<string> RouteFiles() =>
        new(Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Feedback.Api", "Features"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RouteFiles))]
    public void RouteMetadataIsChainedInTheOneOrder(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, file));
        for (var start = 0; start < lines.Length; start++)
        {
            if (!MapCall().IsMatch(lines[start]))
            {
                continue;
            }
            var previous = 0;
            for (var i = start + 1; i < lines.Length && ChainedCall().Match(lines[i]) is { Success: true } call; i++)
            {
                var name = call.Groups[1].Value;
                Assert.True(Rank.TryGetValue(name, out var rank), $"{file}:{i + 1}: .{name}() has no place in the route metadata order");
                Assert.True(rank >= previous, $"{file}:{i + 1}: .{name}() comes too late in the chain begun on line {start + 1}");
                previous = rank;
            }
        }
    }

    [GeneratedRegex(@"\.Map[A-Z]\w*\(")]
    private static partial Regex MapCall();

    [GeneratedRegex(@"^\s*\.(\w+)\(")]
    private static partial Regex ChainedCall();
}
