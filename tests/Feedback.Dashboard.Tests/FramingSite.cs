using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Feedback.Dashboard.Tests;

/// <summary>
/// Another site on a loopback port of its own (so an origin of its own): its page <c>/?src=</c> frames that URL, as a
/// shop or a help centre would frame the survey's embed page.
/// </summary>
public sealed class FramingSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FramingSite(WebApplication app) => _app = app;

    /// <summary>The site's origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin => _app.Urls.Single();

    public static async Task<FramingSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", (string src) => Results.Content(
            $"<!doctype html><title>Framing site</title><iframe src=\"{HtmlEncoder.Default.Encode(src)}\"></iframe>",
            "text/html"));
        await app.StartAsync();
        return new FramingSite(app);
    }

    /// <summary>The URL of the page framing <paramref name="src"/>.</summary>
    public string Framing(string src) => $"{Origin}/?src={Uri.EscapeDataString(src)}";

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
