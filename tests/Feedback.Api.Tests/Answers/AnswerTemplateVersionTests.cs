using System.Net;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Templates;

namespace Feedback.Api.Tests.Answers;

/// <summary>
/// The answer pages keep template versions in process (<see cref="TemplateVersions"/>): a survey's page shows the
/// version it was scheduled with, before and after the template is replaced, and a survey of the new version shows
/// the new one even when the old version was read (and kept) first.
/// </summary>
public sealed class AnswerTemplateVersionTests : AnswerPagesFixture
{
    [Fact]
    public async Task EachSurveyShowsItsOwnTemplateVersionAfterTheTemplateIsReplaced()
    {
        await CreateTemplateAsync(Question("First question?"));
        var first = await SendSurveyAsync("e-1");
        Assert.Contains("First question?", await PageAsync(await Browser.GetAsync($"/s/{first.Token}"), HttpStatusCode.OK));

        var replaced = await Admin.PutTemplateAsync(first.TemplateId, TemplateBody(Question("Second question?")));
        Assert.True(replaced.IsSuccessStatusCode, await replaced.Content.ReadAsStringAsync());
        var second = await SendSurveyAsync("e-2", email: "eva@example.sk");
        Assert.Equal(first.TemplateVersion + 1, second.TemplateVersion);

        var secondPage = await PageAsync(await Browser.GetAsync($"/s/{second.Token}"), HttpStatusCode.OK);
        Assert.Contains("Second question?", secondPage);
        Assert.DoesNotContain("First question?", secondPage);
        var firstPage = await PageAsync(await Browser.GetAsync($"/s/{first.Token}"), HttpStatusCode.OK);
        Assert.Contains("First question?", firstPage);
        Assert.DoesNotContain("Second question?", firstPage);
    }

    private static Action<JsonObject> Question(string question) => body =>
    {
        foreach (var (_, content) in body["content"]!.AsObject())
        {
            content!["question"] = question;
        }
    };
}
