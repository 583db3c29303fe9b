using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Errors;

/// <summary>Bodies above <c>Feedback:MaxRequestBodyBytes</c> (4 MiB unless configured) are refused with 413 Problem Details.</summary>
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task BodyOverTheDefault4MiBIsA413()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/templates", JsonOfSize(5 * 1024 * 1024));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4194304", (string?)problem["detail"]);
        Assert.Equal("Content Too Large", (string?)problem["title"]);
        Assert.False(problem.ContainsKey("errors"));
    }

    // Why the OpenAPI document lists 413 on every operation, the probes included.
    [Fact]
    public async Task BodyOverTheLimitIsA413EvenOnARouteThatReadsNoBody()
    {
        using var anonymous = _factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Content = JsonOfSize(5 * 1024 * 1024) };

        var response = await anonymous.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task BodyJustUnderTheDefaultLimitIsRead()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsync("/v1/templates", JsonOfSize(4 * 1024 * 1024 - 1024));

        // Read in full and validated: the huge name is refused as a field, not as a body size.
        await ProblemAssert.IsValidationProblemAsync(response, "name", "kind", "defaultLocale", "content");
    }

    [Fact]
    public async Task ConfiguredLimitRefusesLargerBodiesAndReadsSmallerOnes()
    {
        _factory.Settings["Feedback:MaxRequestBodyBytes"] = "2048";
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var small = new JsonObject
        {
            ["name"] = "Small", ["kind"] = "ces", ["defaultLocale"] = "en",
            ["content"] = new JsonObject { ["en"] = new JsonObject { ["subject"] = "s", ["question"] = "q" } },
        };

        var tooLarge = await admin.PostAsync("/v1/templates", JsonOfSize(3 * 1024));
        var underLimit = await admin.PostAsJsonAsync("/v1/templates", small);

        var problem = await ProblemAssert.IsProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.Created, underLimit.StatusCode);
    }

    // Without Content-Length only the server can count the bytes while reading, so this runs on real Kestrel;
    // raw TCP because HttpClient stops reading once the server answers before the upload is complete.
    [Fact]
    public async Task ChunkedBodyOverTheLimitIsA413ProblemOnKestrel()
    {
        _factory.Settings["Feedback:MaxRequestBodyBytes"] = "65536";
        _factory.UseKestrel(0);
        _factory.StartServer();
        using var http = _factory.CreateClient();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(http.BaseAddress!.Host, http.BaseAddress.Port);
        var stream = tcp.GetStream();
        // One long JSON string, so the parser cannot stop before the limit is reached.
        var start = "{\"name\":\"";
        var chunk = new string('a', 16 * 1024);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /v1/templates HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            + $"Authorization: Bearer {FeedbackApiFactory.AdminKey}\r\n\r\n{start.Length:x}\r\n{start}\r\n"));
        try
        {
            for (var i = 0; i < 8; i++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n{chunk}\r\n"));
            }
        }
        catch (IOException)
        {
            // The server may close the connection as soon as it has answered.
        }

        var response = await ReadAllAsync(stream);

        Assert.StartsWith("HTTP/1.1 413 ", response);
        Assert.Contains("Content-Type: application/problem+json", response);
        Assert.Contains("\"status\":413", response);
        Assert.DoesNotContain("Exception", response);
    }

    private static StringContent JsonOfSize(int bytes) =>
        new($"{{\"name\":\"{new string('n', bytes - 11)}\"}}", Encoding.UTF8, "application/json");

    private static async Task<string> ReadAllAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while (!text.ToString().Contains("\r\n0\r\n\r\n") && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}
