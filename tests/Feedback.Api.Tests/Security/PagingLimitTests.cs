using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Security;

/// <summary>Every list in the served OpenAPI document (an operation with a <c>limit</c> parameter) takes 1–500 and names <c>limit</c> otherwise.</summary>
public sealed class PagingLimitTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    // What a list needs besides paging before it can page at all.
    private static readonly Dictionary<string, string> Required = new() { ["/v1/themes/comments"] = "&term=refund&locale=en" };

    [Fact]
    public async Task EveryListRefusesALimitOutside1To500AndAcceptsTheBounds()
    {
        using var admin = await api.Factory.CreateClientAsync(ApiScope.Admin);
        var document = new OpenApiOperations((await admin.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!);
        var lists = document.All().Where(o => o.Method == "GET" && !o.Path.Contains('{') && o.Parameters.Any(p => p.Name == "limit")).ToList();

        Assert.True(lists.Count >= 5, $"only {lists.Count} lists found");
        foreach (var list in lists)
        {
            foreach (var bad in new[] { "501", "0", "-1", "100000" })
            {
                var problem = await ProblemAssert.IsValidationProblemAsync(await admin.GetAsync($"{list.Path}?limit={bad}{Required.GetValueOrDefault(list.Path)}"), "limit");
                Assert.Contains("500", ProblemAssert.Message(problem, "limit"));
            }
            foreach (var good in new[] { "1", "500" })
            {
                Assert.True((await admin.GetAsync($"{list.Path}?limit={good}{Required.GetValueOrDefault(list.Path)}")).IsSuccessStatusCode, $"{list} ?limit={good}");
            }
        }
    }
}
