using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Feedback.Api.Tests.Answers;

public sealed partial class PageSecurityTests : AnswerPagesFixture
{
    [GeneratedRegex("<style>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [Fact]
    public async Task EveryPageStateSendsTheStrictSecurityHeadersAndOnlyTheHashedStylesheet()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        var expiring = await SendSurveyAsync("e-2", email: "eva@example.sk");
        var token = survey.Token;

        var pages = new Dictionary<string, HttpResponseMessage>
        {
            ["question"] = await Browser.GetAsync($"/s/{token}"),
            ["one click"] = await Browser.GetAsync($"/s/{token}?score=4"),
            ["post"] = await PostFormAsync($"/s/{token}", ("score", "4"), ("comment", "ok")),
            ["bad score"] = await Browser.GetAsync($"/s/{token}?score=9"),
            ["long comment"] = await PostFormAsync($"/s/{token}", ("score", "4"), ("comment", new string('x', 2001))),
            ["unknown"] = await Browser.GetAsync("/s/unknown"),
            ["unsubscribe confirm"] = await Browser.GetAsync($"/u/{token}"),
            ["unsubscribe unknown"] = await PostFormAsync("/u/unknown"),
            ["unsubscribed"] = await PostFormAsync($"/u/{token}", ("List-Unsubscribe", "One-Click")),
        };
        Factory.Time.Advance(TimeSpan.FromDays(15));
        pages["expired"] = await Browser.GetAsync($"/s/{expiring.Token}");

        Assert.Equal(
            [200, 200, 200, 400, 400, 404, 200, 404, 200, 410],
            pages.Values.Select(p => (int)p.StatusCode).ToArray());
        foreach (var (state, page) in pages)
        {
            var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
            var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToHashSet();
            var html = await page.Content.ReadAsStringAsync();
            var css = Style().Match(html).Groups["css"].Value;
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));

            Assert.True(directives.SetEquals(
                ["default-src 'none'", $"style-src 'sha256-{hash}'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"]),
                $"{state}: {csp}");
            Assert.NotEmpty(css);
            Assert.Single(Style().Matches(html));
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
            Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
            Assert.True(page.Headers.CacheControl?.NoStore, $"{state}: Cache-Control {page.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task ScriptInTheCustomerNameAPropertyAndASavedCommentIsShownAsTextNeverAsMarkup()
    {
        await CreateTemplateAsync(t =>
        {
            t["content"]!["sk"]!["question"] = "{{ customer.name }}, ako hodnotíte {{ properties.product }}?";
            t["content"]!["sk"]!["lowLabel"] = "Zle pre {{ customer.name }}";
        });
        var survey = await SendSurveyAsync("e-1", change: e =>
        {
            e["customer"]!["name"] = "<script>alert('name')</script>";
            e["properties"]!["product"] = "\"><script>alert(\"product\")</script>";
        });
        await PostFormAsync($"/s/{survey.Token}", ("score", "1"), ("comment", "</textarea><script>alert('comment')</script>"));

        var question = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}"), HttpStatusCode.OK);
        var thanks = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=2"), HttpStatusCode.OK);

        Assert.DoesNotContain("<script", question, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", thanks, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Regex.Count(thanks, "</textarea>"));
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;, ako hodnotíte &quot;&gt;&lt;script&gt;alert(&quot;product&quot;)&lt;/script&gt;?", question);
        Assert.Contains("<span>Zle pre &lt;script&gt;", question);
        Assert.Contains("<h1>Thanks, &lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;!</h1>", thanks);
        Assert.Contains("\n&lt;/textarea&gt;&lt;script&gt;alert(&#x27;comment&#x27;)&lt;/script&gt;</textarea>", thanks);
    }
}
