using System.Text.Json;

namespace Feedback.Api.Tests.Delivery;

public sealed class DeliveryEndToEndTests : DeliveryFixture
{
    private static string Substitute(string body, JsonElement personalization) =>
        personalization.GetProperty("substitutions").EnumerateObject()
            .Aggregate(body, (text, s) => text.Replace(s.Name, s.Value.GetString(), StringComparison.Ordinal));

    private static string Html(JsonElement request) =>
        request.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;

    [Fact]
    public async Task EachCustomerGetsExactlyOneEmailAfterTheDelayInTheirLanguage()
    {
        await CreateTemplateAsync();
        var ids = new Dictionary<string, string>
        {
            ["sk-SK"] = await PostEventAsync("e-sk", "sk-SK", "jan@example.sk"),
            ["he-IL"] = await PostEventAsync("e-he", "he-IL", "dana@example.co.il"),
            ["pl-PL"] = await PostEventAsync("e-pl", "pl-PL", "ola@example.pl"),
            ["en-GB"] = await PostEventAsync("e-en", "en-GB", "amy@example.co.uk"),
        };

        await Dispatcher.DispatchDueAsync();
        Assert.Empty(SendGrid.Requests);

        Factory.Time.Advance(TimeSpan.FromHours(1));
        await Dispatcher.DispatchDueAsync();
        await PostEventAsync("e-sk", "sk-SK", "jan@example.sk");
        await Dispatcher.DispatchDueAsync();

        var sent = Personalizations();
        Assert.Equal(4, sent.Count);
        Assert.Equal(4, sent.Select(p => p.Personalization.GetProperty("to")[0].GetProperty("email").GetString()).Distinct().Count());
        foreach (var (request, personalization) in sent)
        {
            var to = personalization.GetProperty("to")[0].GetProperty("email").GetString()!;
            var surveyId = personalization.GetProperty("custom_args").GetProperty("survey_id").GetString()!;
            var survey = await SurveyAsync(surveyId);
            Assert.Equal(to, survey.Customer.Email);
            Assert.Equal(Core.Surveys.SurveyStatus.Sent, survey.Status);
            var html = Substitute(Html(request), personalization);
            for (var score = 1; score <= 5; score++)
            {
                Assert.Contains($"{PublicBaseUrl}/s/{survey.Token}?score={score}", html);
            }
            Assert.DoesNotContain("?score=6", html);
            Assert.Equal($"<{PublicBaseUrl}/u/{survey.Token}>", personalization.GetProperty("headers").GetProperty("List-Unsubscribe").GetString());
            Assert.Equal("List-Unsubscribe=One-Click", personalization.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
            Assert.Equal(to == "dana@example.co.il", html.Contains("dir=\"rtl\""));
        }
        Assert.StartsWith("Ako sme to zvládli", Subject(sent, "jan@example.sk"));
        Assert.StartsWith("איך עשינו", Subject(sent, "dana@example.co.il"));
        Assert.StartsWith("Jak nam poszło", Subject(sent, "ola@example.pl"));
        Assert.StartsWith("How did we do", Subject(sent, "amy@example.co.uk"));
        Assert.All(ids.Values, id => Assert.NotEmpty(id));
    }

    private static string Subject(IReadOnlyList<(JsonElement Request, JsonElement Personalization)> sent, string email) =>
        sent.Single(p => p.Personalization.GetProperty("to")[0].GetProperty("email").GetString() == email).Personalization.GetProperty("subject").GetString()!;
}
