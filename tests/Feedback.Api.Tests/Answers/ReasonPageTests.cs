using System.Net;
using System.Text.Json.Nodes;

namespace Feedback.Api.Tests.Answers;

/// <summary>The thank-you page's reasons: checkboxes for a low score, in the customer's language, posted with the form.</summary>
public sealed class ReasonPageTests : AnswerPagesFixture
{
    private Task CreateTemplateWithReasonsAsync() => CreateTemplateAsync(ReasonBodies.AddTo);

    [Fact]
    public async Task ALowScoreShowsTheReasonsInTheCustomersLanguageWithTheDefaultLabelWhereItHasNone()
    {
        await CreateTemplateWithReasonsAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=2"), HttpStatusCode.OK);

        Assert.Contains("<legend>Čo sa pokazilo? Označte všetko, čo platí.</legend>", html);
        Assert.Contains("<label><input type=\"checkbox\" name=\"reason\" value=\"slow_response\">Pomalá odpoveď</label>", html);
        Assert.Contains("<label><input type=\"checkbox\" name=\"reason\" value=\"not_solved\">Problém nebol vyriešený</label>", html);
        // Slovak has no label for this one: the default locale's, escaped as plain text.
        Assert.Contains("<label><input type=\"checkbox\" name=\"reason\" value=\"rude\">Rude &amp; &lt;impolite&gt;</label>", html);
        Assert.True(html.IndexOf("value=\"slow_response\"", StringComparison.Ordinal) < html.IndexOf("value=\"rude\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AScoreAboveMaxScoreShowsNoReasons()
    {
        await CreateTemplateWithReasonsAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=3"), HttpStatusCode.OK);

        Assert.DoesNotContain("type=\"checkbox\"", html);
        Assert.Contains("<textarea id=\"comment\"", html);
    }

    [Fact]
    public async Task TickedReasonsAreStoredWithTheCommentInTheTemplatesOrderAndShownTickedOnTheNextVisit()
    {
        await CreateTemplateWithReasonsAsync();
        var survey = await SendSurveyAsync("e-1");
        await Browser.GetAsync($"/s/{survey.Token}?score=1");

        var saved = await PageAsync(
            await PostFormAsync($"/s/{survey.Token}", ("score", "1"), ("reason", "rude"), ("reason", "slow_response"), ("comment", "")),
            HttpStatusCode.OK);

        Assert.Contains("Váš komentár bol uložený.", saved);
        Assert.Equal(["slow_response", "rude"], (await ResponseAsync(survey))!.Reasons);
        var again = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}"), HttpStatusCode.OK);
        Assert.Contains("value=\"slow_response\" checked>", again);
        Assert.Contains("value=\"rude\" checked>", again);
        Assert.Contains("value=\"not_solved\">", again);
    }

    [Fact]
    public async Task AOneClickKeepsTheReasonsAndAFormWithAHighScoreDropsThem()
    {
        await CreateTemplateWithReasonsAsync();
        var survey = await SendSurveyAsync("e-1");
        await PostFormAsync($"/s/{survey.Token}", ("score", "2"), ("reason", "not_solved"), ("comment", "Still broken"));

        var clicked = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=1"), HttpStatusCode.OK);

        Assert.Contains("value=\"not_solved\" checked>", clicked);
        Assert.Equal(["not_solved"], (await ResponseAsync(survey))!.Reasons);

        await PostFormAsync($"/s/{survey.Token}", ("score", "5"), ("reason", "not_solved"), ("comment", "Fixed now"));

        var stored = (await ResponseAsync(survey))!;
        Assert.Equal((5, "Fixed now"), (stored.Score, stored.Comment));
        Assert.Empty(stored.Reasons);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("RUDE")]
    [InlineData("")]
    public async Task AnUnknownReasonIsThe400PageWithTheFormAsItWasFilledIn(string reason)
    {
        await CreateTemplateWithReasonsAsync();
        var survey = await SendSurveyAsync("e-1");
        await Browser.GetAsync($"/s/{survey.Token}?score=2");

        var html = await PageAsync(
            await PostFormAsync($"/s/{survey.Token}", ("score", "2"), ("reason", "rude"), ("reason", reason), ("comment", "Kept <text>")),
            HttpStatusCode.BadRequest);

        Assert.Contains("<p class=\"error\" role=\"alert\">Vyberte, prosím, len z uvedených dôvodov.</p>", html);
        Assert.Contains("value=\"rude\" checked>", html);
        Assert.Contains("\nKept &lt;text&gt;</textarea>", html);
        Assert.Empty((await ResponseAsync(survey))!.Reasons);
    }

    [Fact]
    public async Task ATemplateWithoutReasonsRefusesAPostedReason()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await PostFormAsync($"/s/{survey.Token}", ("score", "1"), ("reason", "rude"), ("comment", "")), HttpStatusCode.BadRequest);

        Assert.DoesNotContain("type=\"checkbox\"", html);
        Assert.Null(await ResponseAsync(survey));
    }

    [Fact]
    public async Task HebrewReasonsRenderRightToLeft()
    {
        await CreateTemplateWithReasonsAsync();
        var survey = await SendSurveyAsync("e-1", locale: "he");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=1"), HttpStatusCode.OK);

        Assert.Contains("<html lang=\"he\" dir=\"rtl\">", html);
        Assert.Contains("value=\"slow_response\">תגובה איטית</label>", html);
    }
}

/// <summary>The reasons every reason test uses: at most 2 of CSAT, labelled in en (all), sk (two) and he (one).</summary>
public static class ReasonBodies
{
    public static void AddTo(JsonObject template)
    {
        template["reasons"] = new JsonObject { ["maxScore"] = 2, ["codes"] = new JsonArray("slow_response", "not_solved", "rude") };
        var content = template["content"]!.AsObject();
        content["en"]!["reasonLabels"] = new JsonObject
        {
            ["slow_response"] = "Slow response", ["not_solved"] = "Not solved", ["rude"] = "Rude & <impolite>",
        };
        content["sk"]!["reasonLabels"] = new JsonObject { ["slow_response"] = "Pomalá odpoveď", ["not_solved"] = "Problém nebol vyriešený" };
        content["he"]!["reasonLabels"] = new JsonObject { ["slow_response"] = "תגובה איטית" };
    }
}
