using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Auth;

/// <summary>Every templates and api-keys route against every kind of caller: 401 without a usable key, 403 without the scope.</summary>
public sealed class AuthorizationTests(AuthorizationTests.Callers callers) : IClassFixture<AuthorizationTests.Callers>
{
    private static readonly string[] Columns = ["none", "unknown", "basic", "revoked", "admin", "ingest", "read"];

    // One row per route; the columns are the callers above. {id} is a fresh template, {key} a fresh API key.
    private static readonly string[] Matrix =
    [
        "POST   /v1/templates                  401 401 401 401 201 403 403",
        "GET    /v1/templates                  401 401 401 401 200 403 200",
        "GET    /v1/templates/{id}             401 401 401 401 200 403 200",
        "PUT    /v1/templates/{id}             401 401 401 401 200 403 403",
        "DELETE /v1/templates/{id}             401 401 401 401 204 403 403",
        "GET    /v1/templates/{id}/versions    401 401 401 401 200 403 200",
        "GET    /v1/templates/{id}/versions/1  401 401 401 401 200 403 200",
        "POST   /v1/api-keys                   401 401 401 401 201 403 403",
        "GET    /v1/api-keys                   401 401 401 401 200 403 403",
        "GET    /v1/api-keys/{key}             401 401 401 401 200 403 403",
        "DELETE /v1/api-keys/{key}             401 401 401 401 204 403 403",
    ];

    public static TheoryData<string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in Matrix)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Columns.Length; i++)
            {
                data.Add(cells[0], cells[1], Columns[i], int.Parse(cells[2 + i]));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CallerGetsExactlyTheStatusOfTheMatrix(string method, string route, string caller, int status)
    {
        var path = route.Contains("{id}") ? route.Replace("{id}", await callers.NewTemplateIdAsync())
            : route.Contains("{key}") ? route.Replace("{key}", await callers.NewKeyIdAsync())
            : route;
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(path.StartsWith("/v1/api-keys") ? new JsonObject { ["name"] = "k", ["scopes"] = new JsonArray("read") } : TemplateBodies.Csat());
        }
        request.Headers.Authorization = callers.HeaderFor(caller);
        using var client = callers.Factory.CreateClient();

        var response = await client.SendAsync(request);

        if (status is 401 or 403)
        {
            var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status);
            Assert.Equal(status == 401 ? ["Bearer"] : [], response.Headers.WwwAuthenticate.Select(h => h.ToString()));
            Assert.Equal(Detail(caller, RequiredScope(method, route)), (string?)problem["detail"]);
        }
        else
        {
            Assert.Equal((HttpStatusCode)status, response.StatusCode);
        }
    }

    // The scope a route of the matrix needs: reading templates needs read, everything else admin.
    private static string RequiredScope(string method, string route) =>
        method == "GET" && route.StartsWith("/v1/templates", StringComparison.Ordinal) ? "read" : "admin";

    private static string Detail(string caller, string scope) => caller switch
    {
        "none" => "No API key: send the header Authorization: Bearer <key>.",
        "unknown" or "revoked" => "Unknown or revoked API key.",
        "basic" => "The Authorization header is not 'Bearer <api key>'.",
        _ => $"This API key lacks the '{scope}' scope.",
    };

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Token " + FeedbackApiFactory.AdminKey)]
    [InlineData(FeedbackApiFactory.AdminKey)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task AuthorizationHeaderThatIsNotABearerKeyIs401(string header)
    {
        using var client = callers.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var response = await client.GetAsync("/v1/templates");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task ReadKeyPostingAnEventIs403NamingTheIngestScope()
    {
        using var client = callers.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = callers.HeaderFor("read");

        var response = await client.PostAsJsonAsync("/v1/events", new JsonObject());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("This API key lacks the 'ingest' scope.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task OverlongBearerHeaderIs401()
    {
        using var client = callers.Factory.CreateClient(FeedbackApiFactory.AdminKey + new string('x', 600));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/templates"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BearerSchemeIsCaseInsensitive()
    {
        using var client = callers.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + FeedbackApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/templates")).StatusCode);
    }

    /// <summary>One service for the whole class, with a key per scope and a revoked one.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        private Dictionary<string, string> _keys = [];

        public FeedbackApiFactory Factory { get; } = new();

        public async ValueTask InitializeAsync()
        {
            _keys = await ScopedKeys.CreateAsync(Factory);
            _keys["unknown"] = "fbk_" + new string('u', 43);
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();

        public AuthenticationHeaderValue? HeaderFor(string caller) => caller switch
        {
            "none" => null,
            "basic" => new AuthenticationHeaderValue("Basic", "x"),
            _ => new AuthenticationHeaderValue("Bearer", _keys[caller]),
        };

        public async Task<string> NewTemplateIdAsync()
        {
            using var admin = Factory.CreateClient(FeedbackApiFactory.AdminKey);
            var created = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat());
            return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }

        public async Task<string> NewKeyIdAsync()
        {
            using var admin = Factory.CreateClient(FeedbackApiFactory.AdminKey);
            var created = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "to revoke", scopes = new[] { "read" } });
            return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }
    }
}
