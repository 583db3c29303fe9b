using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Feedback.Core.Responses;
using Feedback.Core.Surveys;

namespace Feedback.Api.Tests.Answers;

public sealed class AnswerPageTests : AnswerPagesFixture
{
    [Fact]
    public async Task QuestionPageShowsTheRenderedQuestionWithALinkPerScoreAndTheLabels()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}"), HttpStatusCode.OK);

        Assert.Contains("<html lang=\"sk\" dir=\"ltr\">", html);
        Assert.Contains("<h1>Ako ste spokojný s vyriešením ticket-e-1?</h1>", html);
        for (var score = 1; score <= 5; score++)
        {
            Assert.Contains($"<a href=\"/s/{survey.Token}?score={score}\">{score}</a>", html);
        }
        Assert.DoesNotContain("?score=0", html);
        Assert.DoesNotContain("?score=6", html);
        Assert.Contains("<span>Very unsatisfied</span><span>Very satisfied</span>", html);
        Assert.DoesNotContain("<form", html);
        Assert.Null(await ResponseAsync(survey));
    }

    [Fact]
    public async Task OneClickRecordsTheScoreAndShowsTheThankYouPageWithACommentBox()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=4"), HttpStatusCode.OK);

        Assert.Contains("<h1>Thanks, Ján!</h1>", html);
        Assert.Contains("Vaše hodnotenie: 4", html);
        Assert.Contains($"<form method=\"post\" action=\"/s/{survey.Token}\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"score\" value=\"4\">", html);
        Assert.Contains("<label for=\"comment\">What could we do better?</label>", html);
        Assert.Contains("<textarea id=\"comment\" name=\"comment\"", html);
        Assert.Equal(4, (await ResponseAsync(survey))!.Score);
        Assert.Equal(SurveyStatus.Answered, (await Surveys.GetAsync(survey.Id))!.Status);
    }

    [Fact]
    public async Task PostingTheFormSavesTheCommentAndShowsItInTheBox()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        await Browser.GetAsync($"/s/{survey.Token}?score=4");

        var response = await PostFormAsync($"/s/{survey.Token}", ("score", "4"), ("comment", "Rýchle vybavenie\r\nďakujem"));
        var html = await PageAsync(response, HttpStatusCode.OK);

        Assert.Contains("Váš komentár bol uložený.", html);
        // The encoder writes the line break as a character reference, which a textarea shows as a line break.
        Assert.Contains("\nRýchle vybavenie&#xA;ďakujem</textarea>", html);
        var stored = (await ResponseAsync(survey))!;
        Assert.Equal((4, "Rýchle vybavenie\nďakujem"), (stored.Score, stored.Comment));
    }

    [Fact]
    public async Task ASecondClickChangesTheScoreKeepsTheCommentAndTheSurveyReadsAnswered()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        await Browser.GetAsync($"/s/{survey.Token}?score=2");
        await PostFormAsync($"/s/{survey.Token}", ("score", "2"), ("comment", "Slow"));

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=5"), HttpStatusCode.OK);

        Assert.Contains("<input type=\"hidden\" name=\"score\" value=\"5\">", html);
        Assert.Contains("\nSlow</textarea>", html);
        var stored = (await ResponseAsync(survey))!;
        Assert.Equal((5, "Slow"), (stored.Score, stored.Comment));
        var api = await Admin.GetFromJsonAsync<JsonObject>($"/v1/surveys/{survey.Id}");
        Assert.Equal("answered", (string?)api!["status"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("4.0")]
    [InlineData("+4")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task AScoreOffTheScaleOrNotANumberIsA400PageWithTheQuestionAndRecordsNothing(string score)
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var clicked = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score={Uri.EscapeDataString(score)}"), HttpStatusCode.BadRequest);
        var posted = await PageAsync(await PostFormAsync($"/s/{survey.Token}", ("score", score)), HttpStatusCode.BadRequest);

        foreach (var html in new[] { clicked, posted })
        {
            Assert.Contains("Vyberte, prosím, hodnotenie od 1 do 5.", html);
        }
        // A click is answered with the links again; a form with the form, so what was typed stays.
        Assert.Contains($"<a href=\"/s/{survey.Token}?score=1\">1</a>", clicked);
        Assert.Contains("<input type=\"radio\" name=\"score\" value=\"1\" required>", posted);
        Assert.Null(await ResponseAsync(survey));
        Assert.Equal(SurveyStatus.Sent, (await Surveys.GetAsync(survey.Id))!.Status);
    }

    [Fact]
    public async Task ASecondVisitShowsTheRecordedScoreAndCommentInAFormToChangeThem()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        await Browser.GetAsync($"/s/{survey.Token}?score=4");
        await PostFormAsync($"/s/{survey.Token}", ("score", "4"), ("comment", "Slow <but> solved"));

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}"), HttpStatusCode.OK);

        Assert.Contains("<h1 id=\"question\">Ako ste spokojný s vyriešením ticket-e-1?</h1>", html);
        Assert.Contains("Vaše hodnotenie: 4", html);
        Assert.Contains($"<form method=\"post\" action=\"/s/{survey.Token}\">", html);
        Assert.Contains("<input type=\"radio\" name=\"score\" value=\"4\" required checked>", html);
        Assert.Single(Regex.Matches(html, " checked>"));
        Assert.Contains("<input type=\"radio\" name=\"score\" value=\"1\" required>", html);
        Assert.Contains("\nSlow &lt;but&gt; solved</textarea>", html);
        Assert.Contains("<span>Very unsatisfied</span><span>Very satisfied</span>", html);

        await PageAsync(await PostFormAsync($"/s/{survey.Token}", ("score", "2"), ("comment", "Slow <but> solved")), HttpStatusCode.OK);
        Assert.Equal((2, "Slow <but> solved"), ((await ResponseAsync(survey))!.Score, (await ResponseAsync(survey))!.Comment));
    }

    [Fact]
    public async Task AFormPostedWithACommentButNoScoreIsA400PageThatKeepsTheComment()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await PostFormAsync($"/s/{survey.Token}", ("comment", "Rýchle & milé\r\nďakujem")), HttpStatusCode.BadRequest);

        Assert.Contains("Vyberte, prosím, hodnotenie od 1 do 5.", html);
        Assert.Contains("\nRýchle &amp; milé&#xA;ďakujem</textarea>", html);
        Assert.Contains("<input type=\"radio\" name=\"score\" value=\"5\" required>", html);
        Assert.DoesNotContain(" checked>", html);
        Assert.Null(await ResponseAsync(survey));
    }

    [Fact]
    public async Task ALocaleWithoutScaleLabelsShowsTheDefaultLocalesLabels()
    {
        await CreateTemplateAsync(t =>
        {
            t["content"]!["sk"]!["lowLabel"] = null;
            t["content"]!["sk"]!["highLabel"] = null;
        });
        var survey = await SendSurveyAsync("e-1");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}"), HttpStatusCode.OK);

        Assert.Contains("<span>Very unsatisfied</span><span>Very satisfied</span>", html);
        Assert.Contains("Very unsatisfied", Mail[0].Html);
        Assert.Contains($"<title>{Mail[0].Subject}</title>", Mail[0].Html);
    }

    [Fact]
    public async Task ACommentAddedLaterKeepsAnsweredAtAndMovesUpdatedAt()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        await Browser.GetAsync($"/s/{survey.Token}?score=3");
        var clicked = Factory.Time.GetUtcNow();
        Factory.Time.Advance(TimeSpan.FromHours(2));

        await PostFormAsync($"/s/{survey.Token}", ("score", "3"), ("comment", "Called back, all fine"));

        var api = (await Admin.GetFromJsonAsync<JsonObject>($"/v1/responses/{SurveyResponse.IdForSurvey(survey.Id)}"))!;
        Assert.Equal(clicked, (DateTimeOffset)api["answeredAt"]!);
        Assert.Equal(clicked.AddHours(2), (DateTimeOffset)api["updatedAt"]!);
        Assert.Equal(clicked, (await Surveys.GetAsync(survey.Id))!.AnsweredAt);
    }

    [Fact]
    public async Task ACommentOverTheLimitIsA400PageThatKeepsEveryTypedCharacterInTheBox()
    {
        await CreateTemplateAsync(t => t["defaultLocale"] = "en");
        var survey = await SendSurveyAsync("e-1", locale: "en");
        await Browser.GetAsync($"/s/{survey.Token}?score=3");
        var comment = "start " + new string('x', AnswerService.MaxCommentLength) + " end & <b>";

        var html = await PageAsync(await PostFormAsync($"/s/{survey.Token}", ("score", "3"), ("comment", comment)), HttpStatusCode.BadRequest);

        Assert.Contains($"Your comment is {comment.Length} characters long; the limit is {AnswerService.MaxCommentLength}.", html);
        Assert.Contains("\n" + comment.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") + "</textarea>", html);
        Assert.Contains("<input type=\"hidden\" name=\"score\" value=\"3\">", html);
        Assert.Null((await ResponseAsync(survey))!.Comment);
    }

    [Fact]
    public async Task ACommentOfExactlyTheLimitWithBrowserLineBreaksIsSaved()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        // A browser counts a line break as one character against maxlength and sends it as two (CRLF).
        var typed = new string('a', AnswerService.MaxCommentLength - 2) + "\nb";

        var response = await PostFormAsync($"/s/{survey.Token}", ("score", "5"), ("comment", typed.Replace("\n", "\r\n")));

        await PageAsync(response, HttpStatusCode.OK);
        Assert.Equal(typed, (await ResponseAsync(survey))!.Comment);
    }

    [Fact]
    public async Task AnUnknownTokenIsA404PageInTheBrowsersLanguageOrEnglish()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/s/not-a-token?score=3");
        request.Headers.AcceptLanguage.ParseAdd("fr;q=0.9, de-AT;q=0.8, en;q=0.5");

        var html = await PageAsync(await Browser.SendAsync(request), HttpStatusCode.NotFound);
        var garbled = new HttpRequestMessage(HttpMethod.Post, "/s/not-a-token") { Content = new FormUrlEncodedContent([KeyValuePair.Create("score", "3")]) };
        garbled.Headers.TryAddWithoutValidation("Accept-Language", ";q=,<de>;;q=x");
        var posted = await PageAsync(await Browser.SendAsync(garbled), HttpStatusCode.NotFound);

        Assert.Contains("<html lang=\"de-AT\" dir=\"ltr\">", html);
        Assert.Contains("Dieser Umfragelink ist ungültig.", html);
        Assert.Contains("This survey link is not valid.", posted);
    }

    [Fact]
    public async Task AfterExpiresAfterEveryPageOfTheSurveyIsA410AndNothingIsRecorded()
    {
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        Factory.Time.Advance(TimeSpan.FromDays(14));

        var pages = new[]
        {
            await Browser.GetAsync($"/s/{survey.Token}"),
            await Browser.GetAsync($"/s/{survey.Token}?score=5"),
            await PostFormAsync($"/s/{survey.Token}", ("score", "5"), ("comment", "late")),
        };

        foreach (var page in pages)
        {
            Assert.Contains("Tento prieskum je už uzavretý", await PageAsync(page, HttpStatusCode.Gone));
        }
        Assert.Null(await ResponseAsync(survey));
    }

    [Fact]
    public async Task AHebrewSurveyIsRenderedRightToLeftInHebrew()
    {
        await CreateTemplateAsync(t => t["content"]!["he"]!["thankYou"] = null);
        var survey = await SendSurveyAsync("e-1", locale: "he-IL", email: "dana@example.co.il");

        var question = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}"), HttpStatusCode.OK);
        var thanks = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=5"), HttpStatusCode.OK);

        Assert.Contains("<html lang=\"he\" dir=\"rtl\">", question);
        Assert.Contains("עד כמה אתה מרוצה מהפתרון של ticket-e-1?", question);
        Assert.Contains("<html lang=\"he\" dir=\"rtl\">", thanks);
        Assert.Contains("<h1>תודה על המשוב שלך!</h1>", thanks);
    }

    [Fact]
    public async Task WithoutTemplateTextsTheThankYouAndPromptAreOurWordsInTheSurveysLanguage()
    {
        await CreateTemplateAsync(t =>
        {
            t["content"]!["pl"]!["thankYou"] = null;
            t["content"]!["pl"]!["commentPrompt"] = null;
        });
        var survey = await SendSurveyAsync("e-1", locale: "pl-PL", email: "ola@example.pl");

        var html = await PageAsync(await Browser.GetAsync($"/s/{survey.Token}?score=5"), HttpStatusCode.OK);

        Assert.Contains("<h1>Dziękujemy za Twoją opinię!</h1>", html);
        Assert.Contains("<label for=\"comment\">Chcesz nam powiedzieć coś więcej?</label>", html);
    }

    [Theory]
    [InlineData("en", "This survey link is not valid.")]
    [InlineData("sk", "Tento odkaz na prieskum nie je platný.")]
    [InlineData("cs", "Tento odkaz na průzkum není platný.")]
    [InlineData("pl", "Ten link do ankiety jest nieprawidłowy.")]
    [InlineData("de", "Dieser Umfragelink ist ungültig.")]
    [InlineData("he", "קישור הסקר הזה אינו תקף.")]
    public async Task EveryLanguageWeShipHasItsOwnWords(string language, string notFound)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/s/not-a-token");
        request.Headers.AcceptLanguage.ParseAdd(language);

        var html = await PageAsync(await Browser.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Contains($"<html lang=\"{language}\" dir=\"{(language == "he" ? "rtl" : "ltr")}\">", html);
        Assert.Contains(notFound, html);
    }
}
