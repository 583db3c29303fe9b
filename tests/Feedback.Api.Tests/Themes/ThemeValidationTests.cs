using System.Net;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Api.Tests.Responses;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Themes;

public sealed class ThemeValidationTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    [Theory]
    [InlineData("kind=NPS", "kind")]
    [InlineData("kind=", "kind")]
    [InlineData("segment=middle", "segment")]
    [InlineData("segment=LOW", "segment")]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("top=ten", "top")]
    [InlineData("from=2026-11-10&to=2026-11-10", "from")]
    [InlineData("from=2026-11-10T12:00:00Z", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("templateId=", "templateId")]
    [InlineData("property.a%20b=x", "property.a b")]
    [InlineData("property.category=", "property.category")]
    [InlineData("segment=none&top=-1&kind=x", "segment", "top", "kind")]
    public async Task BadParameterIsA400NamingIt(string query, params string[] fields)
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"/v1/themes?{query}"), fields);
    }

    [Theory]
    [InlineData("locale=en", "term")]
    [InlineData("term=refund", "locale")]
    [InlineData("term=refund&locale=english!", "locale")]
    [InlineData("term=refund&locale=en&limit=0", "limit")]
    [InlineData("term=refund&locale=en&limit=many", "limit")]
    [InlineData("term=refund&locale=en&cursor=%25%25", "cursor")]
    [InlineData("term=refund&locale=en&segment=mid", "segment")]
    public async Task BadThemeCommentParameterIsA400NamingIt(string query, params string[] fields)
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"/v1/themes/comments?{query}"), fields);
    }

    [Fact]
    public async Task ATemplateOfAnotherKindIsA400()
    {
        var templateId = await api.Factory.CreateTemplateAsync("csat");
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        var problem = await ProblemAssert.IsValidationProblemAsync(await reader.GetAsync($"/v1/themes?kind=nps&templateId={templateId}"), "templateId");

        Assert.Contains("csat", ProblemAssert.Message(problem, "templateId"));
    }

    [Theory]
    [InlineData("/v1/themes?templateId=tpl_nope")]
    [InlineData("/v1/themes/comments?templateId=tpl_nope&term=refund&locale=en")]
    public async Task AnUnknownTemplateIsA404(string path)
    {
        using var reader = await api.Factory.CreateClientAsync(ApiScope.Read);

        await ProblemAssert.IsProblemAsync(await reader.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NoCommentsIsAnEmptyAnswer()
    {
        var themes = await api.Factory.GetJsonAsync("/v1/themes?kind=ces&from=2001-01-01&to=2001-02-01");

        Assert.Equal((0, 0), ((int)themes["comments"]!, (int)themes["segmentComments"]!));
        Assert.Empty(themes["themes"]!.AsArray());
    }
}
