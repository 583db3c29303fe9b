using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests.Templates;

public sealed class TemplatePreviewTests : ServiceFixture
{
    private Task<HttpResponseMessage> PreviewAsync(string templateId, JsonObject body) =>
        Read.PostAsJsonAsync($"/v1/templates/{templateId}/preview", body);

    private static JsonObject Customer(string name, string locale) => new()
    {
        ["id"] = "c-17", ["email"] = "jan@example.sk", ["name"] = name, ["locale"] = locale,
    };

    [Theory]
    [InlineData("sk-SK", "sk", "Ján")]
    [InlineData("he", "he", "דנה")]
    [InlineData("en-GB", "en", "Amy")]
    public async Task PreviewEqualsTheSentEmailWithThePreviewToken(string locale, string contentLocale, string name)
    {
        var templateId = await CreateTemplateAsync(NoDelay);
        var body = EventBodies.Resolved("e-1", subjectId: "ticket-42", customerId: "c-17", locale: locale, email: "jan@example.sk");
        body["customer"]!["name"] = name;
        var surveyId = await PostEventAsync(body);
        await Dispatcher.DispatchDueAsync();
        var sent = (await Admin.GetFromJsonAsync<JsonObject>("/v1/dev/mailbox"))!["items"]![0]!;
        var token = (await Surveys.GetAsync(surveyId))!.Token;

        var response = await PreviewAsync(templateId, new JsonObject
        {
            ["locale"] = locale, ["customer"] = Customer(name, locale), ["subjectId"] = "ticket-42", ["properties"] = body["properties"]!.DeepClone(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(contentLocale, (string?)preview["locale"]);
        Assert.Equal(contentLocale == "he" ? "rtl" : "ltr", (string?)preview["dir"]);
        Assert.Equal((string?)sent["subject"], (string?)preview["subject"]);
        Assert.Equal(((string)sent["html"]!).Replace(token, "preview"), (string?)preview["html"]);
        Assert.Equal(((string)sent["text"]!).Replace(token, "preview"), (string?)preview["text"]);
        Assert.Contains($"{PublicBaseUrl}/s/preview?score=5", (string)preview["html"]!);
    }

    [Fact]
    public async Task PreviewStoresAndSendsNothingAndItsLinksAnswerNothing()
    {
        var templateId = await CreateTemplateAsync(NoDelay);

        var response = await PreviewAsync(templateId, new JsonObject { ["locale"] = "pl" });
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Jak nam poszło, ?", (string?)preview["subject"]);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonObject>("/v1/dev/mailbox"))!["items"]!.AsArray());
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/surveys"))!["items"]!.AsArray());
        var page = await Factory.CreateAnonymousClient().GetAsync("/s/preview?score=5");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Empty((await Read.GetFromJsonAsync<JsonObject>("/v1/responses"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task LocaleWithoutContentFallsBackToTheDefaultLocale()
    {
        var templateId = await CreateTemplateAsync(NoDelay);

        var preview = (await (await PreviewAsync(templateId, new JsonObject { ["locale"] = "de-AT" })).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("en", (string?)preview["locale"]);
        Assert.Equal("How did we do, ?", (string?)preview["subject"]);
    }

    [Fact]
    public async Task UnknownTemplateIsNotFound()
    {
        var response = await PreviewAsync("tpl_missing", new JsonObject { ["locale"] = "en" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadFieldsAreListedTogether()
    {
        var templateId = await CreateTemplateAsync(NoDelay);

        var response = await PreviewAsync(templateId, new JsonObject
        {
            ["locale"] = "not a locale",
            ["customer"] = new JsonObject { ["id"] = "c-1", ["email"] = "nope" },
            ["subjectId"] = "",
            ["properties"] = new JsonObject { ["agent"] = new JsonObject() },
        });

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "locale", "customer.email", "subjectId", "properties.agent");
        Assert.Equal("must be a language tag such as sk, pl-PL or he", ProblemAssert.Message(problem, "locale"));
    }

    [Fact]
    public async Task MissingLocaleIsRequired()
    {
        var templateId = await CreateTemplateAsync(NoDelay);

        var problem = await ProblemAssert.IsValidationProblemAsync(await PreviewAsync(templateId, new JsonObject()), "locale");

        Assert.Equal("is required", ProblemAssert.Message(problem, "locale"));
    }
}
