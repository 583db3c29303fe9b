using System.Net;
using System.Net.Http.Headers;
using Feedback.Core.Surveys;

namespace Feedback.Api.Tests.Answers;

public sealed class UnsubscribePageTests : AnswerPagesFixture
{
    [Fact]
    public async Task TheConfirmPageAsksInTheSurveysLanguageAndSuppressesNothing()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await Browser.GetAsync($"/u/{survey.Token}"), HttpStatusCode.OK);

        Assert.Contains("Chcete prestať dostávať e-maily s prieskumami od nás?", html);
        Assert.Contains($"<form method=\"post\" action=\"/u/{survey.Token}\">", html);
        Assert.Contains("<button type=\"submit\">Odhlásiť sa z odberu</button>", html);
        Assert.Null(await Suppressions.GetAsync("jan@example.sk"));
    }

    [Fact]
    public async Task TheConfirmFormSuppressesTheNormalizedAddressAsAnUnsubscribeFromTheLink()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1", email: "Jan.Novak@Example.SK");

        var html = await PageAsync(await PostFormAsync($"/u/{survey.Token}", ("List-Unsubscribe", "One-Click")), HttpStatusCode.OK);

        Assert.Contains("Odber bol zrušený.", html);
        var suppression = await Suppressions.GetAsync("jan.novak@example.sk");
        Assert.Equal(("unsubscribe", "link"), (suppression?.Reason, suppression?.Source));
    }

    [Fact]
    public async Task OneClickUnsubscribeAnswers200AndALaterEventForTheAddressIsSkippedAsSuppressed()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        // What a mail provider sends for RFC 8058: a bare POST of List-Unsubscribe=One-Click, no cookies, no page visit.
        var oneClick = new StringContent("List-Unsubscribe=One-Click");
        oneClick.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await Browser.PostAsync($"/u/{survey.Token}", oneClick);
        var again = await Browser.PostAsync($"/u/{survey.Token}", new StringContent("List-Unsubscribe=One-Click"));
        var later = await PostEventAsync("e-2", "sk-SK", "JAN@example.sk");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, again.StatusCode));
        Assert.Empty(later["surveys"]!.AsArray());
        var skipped = Assert.Single(later["skipped"]!.AsArray());
        Assert.Equal("suppressed", (string?)skipped!["reason"]);
    }

    [Fact]
    public async Task ASurveyAlreadyScheduledForTheAddressIsNotSentAfterTheUnsubscribe()
    {
        await CreateTemplateAsync(t => t["trigger"] = "order.delivered");
        await CreateTemplateAsync(t => t["delay"] = "PT1H");
        var first = await SendSurveyAsync("e-1", change: e => e["type"] = "order.delivered");
        var pending = (string)(await PostEventAsync("e-2", "sk-SK", "jan@example.sk"))["surveys"]![0]!["id"]!;

        await PostFormAsync($"/u/{first.Token}");
        Factory.Time.Advance(TimeSpan.FromHours(1));
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(SurveyStatus.Suppressed, (await Surveys.GetAsync(pending))!.Status);
        Assert.Single(Mail);
    }

    [Fact]
    public async Task AnUnknownUnsubscribeTokenIsA404PageAndSuppressesNothing()
    {
        var shown = await PageAsync(await Browser.GetAsync("/u/not-a-token"), HttpStatusCode.NotFound);
        var posted = await PageAsync(await PostFormAsync("/u/not-a-token", ("List-Unsubscribe", "One-Click")), HttpStatusCode.NotFound);

        Assert.Contains("This survey link is not valid.", shown);
        Assert.Contains("This survey link is not valid.", posted);
        Assert.Empty((await Suppressions.ListAsync(null, 10)).Items);
    }
}
