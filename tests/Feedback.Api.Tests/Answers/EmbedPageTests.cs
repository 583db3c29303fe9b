using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Features.Answers;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Answers;

/// <summary>
/// <c>/s/{token}?embed=1</c>: the answer page for an iframe, framed only by the configured origins, checked by its
/// headers (the CSP frame-ancestors a browser enforces).
/// </summary>
public sealed class EmbedPageTests : ServiceFixture
{
    public const string Shop = "http://127.0.0.1:5101";
    public const string Help = "http://127.0.0.1:5102";

    // Space-separated, with a stray space and a trailing slash that the header does not repeat.
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Feedback:Pages:FrameAncestors"] = $"{Shop}  {Help}/";

    private async Task<string> AnswerPathAsync()
    {
        var template = await CreateTemplateAsync(t => t["delivery"] = "link");
        var response = await SendAsync(SendBody(template));
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new Uri((string)created["answerUrl"]!).AbsolutePath;
    }

    [Fact]
    public async Task TheEmbedPageMayBeFramedByTheConfiguredOriginOnly()
    {
        var path = await AnswerPathAsync();
        var browser = Factory.CreateAnonymousClient();

        var embed = await browser.GetAsync($"{path}?embed=1");

        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        var policy = Assert.Single(embed.Headers.GetValues("Content-Security-Policy"));
        Assert.EndsWith($"; frame-ancestors {Shop} {Help}", policy);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        var html = await embed.Content.ReadAsStringAsync();
        Assert.Contains("<body class=\"embed\">", html);
        // Its links stay embedded: the one-click answer and the comment form come back framed too.
        Assert.Contains($"{path}?score=3&amp;embed=1", html);
        var thanks = await browser.GetAsync($"{path}?score=3&embed=1");
        Assert.EndsWith($"; frame-ancestors {Shop} {Help}", Assert.Single(thanks.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains($"action=\"{path}?embed=1\"", await thanks.Content.ReadAsStringAsync());
        // A second visit shows the recorded answer as one form, and the frame may keep showing it.
        var again = await browser.GetAsync($"{path}?embed=1");
        Assert.EndsWith($"; frame-ancestors {Shop} {Help}", Assert.Single(again.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<body class=\"embed\">", await again.Content.ReadAsStringAsync());
        var badForm = await browser.PostAsync($"{path}?embed=1", new FormUrlEncodedContent([new("comment", "no score")]));
        Assert.Equal(HttpStatusCode.BadRequest, badForm.StatusCode);
        Assert.EndsWith($"; frame-ancestors {Shop} {Help}", Assert.Single(badForm.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheSamePageWithoutEmbedMayNotBeFramed()
    {
        var path = await AnswerPathAsync();

        var page = await Factory.CreateAnonymousClient().GetAsync(path);

        Assert.Equal(HtmlPage.ContentSecurityPolicy, Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.DoesNotContain("class=\"embed\"", await page.Content.ReadAsStringAsync());
    }
}

/// <summary>Without <c>Feedback:Pages:FrameAncestors</c> no site may frame even the embed page.</summary>
public sealed class EmbedPageDefaultTests : ServiceFixture
{
    [Fact]
    public async Task TheEmbedPageMayBeFramedByNoOneByDefault()
    {
        var template = await CreateTemplateAsync(t => t["delivery"] = "link");
        var created = (await (await SendAsync(SendBody(template))).Content.ReadFromJsonAsync<JsonObject>())!;

        var embed = await Factory.CreateAnonymousClient().GetAsync($"{new Uri((string)created["answerUrl"]!).AbsolutePath}?embed=1");

        Assert.Equal(HtmlPage.ContentSecurityPolicy, Assert.Single(embed.Headers.GetValues("Content-Security-Policy")));
    }
}
