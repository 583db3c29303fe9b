using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Templates;

/// <summary>defaultLocale and content: locales, required texts and Liquid that must parse.</summary>
public sealed class TemplateContentValidationTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    private readonly FeedbackApiFactory _factory = api.Factory;

    [Theory]
    [InlineData("defaultLocale", null, "defaultLocale")]
    [InlineData("defaultLocale", "\"\"", "defaultLocale")]
    [InlineData("defaultLocale", "\"english!\"", "defaultLocale")]
    [InlineData("defaultLocale", "\"de\"", "content")]
    [InlineData("content", null, "content")]
    [InlineData("content", "null", "content")]
    [InlineData("content", "{}", "content")]
    [InlineData("content", "[]", "content")]
    [InlineData("content", """{ "en": { "subject": "s", "question": "q" }, "not a locale": { "subject": "s", "question": "q" } }""", "content.not a locale")]
    [InlineData("content", """{ "en": null }""", "content.en")]
    [InlineData("content", """{ "en": { "question": "q" } }""", "content.en.subject")]
    [InlineData("content", """{ "en": { "subject": "  ", "question": "q" } }""", "content.en.subject")]
    [InlineData("content", """{ "en": { "subject": "s" } }""", "content.en.question")]
    [InlineData("content", """{ "en": { "subject": 5, "question": "q" } }""", "content.en.subject")]
    [InlineData("content", """{ "en": { "subject": "s", "question": "q" }, "sk": { "subject": "s" } }""", "content.sk.question")]
    public async Task BadLocaleOrContentIsRefusedWithTheFieldNamed(string field, string? json, string errorKey)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);

        var response = await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat().With(field, json));

        await ProblemAssert.IsValidationProblemAsync(response, errorKey);
    }

    [Theory]
    [InlineData("en", "subject", "How did we do, {{ customer.name")]
    [InlineData("en", "subject", "{% if %}yes{% endif %}")]
    [InlineData("en", "question", "{% if customer.name %}Hi")]
    [InlineData("en", "question", "{% endfor %}")]
    [InlineData("sk", "thankYou", "Ďakujeme {{ }")]
    [InlineData("he", "lowLabel", "{{ customer.name | }}")]
    public async Task LiquidThatDoesNotParseIsRefusedNamingTheText(string locale, string text, string liquid)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        body["content"]![locale]![text] = liquid;

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        var field = $"content.{locale}.{text}";
        var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.StartsWith("is not a valid Liquid template", ProblemAssert.Message(problem, field));
    }

    [Fact]
    public async Task TextLongerThan2000CharactersIsRefused()
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        body["content"]!["pl"]!["question"] = new string('q', 2001);

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        var problem = await ProblemAssert.IsValidationProblemAsync(response, "content.pl.question");
        Assert.Equal("must be at most 2000 characters", ProblemAssert.Message(problem, "content.pl.question"));
    }

    [Theory]
    [InlineData("{{ customer.name | upcase }}, how did we do?")]
    [InlineData("{% if customer.name %}Hi {{ customer.name }}{% else %}Hi{% endif %}")]
    [InlineData("Order {{ properties.product }} — {{ subject.id }}")]
    [InlineData("No placeholders at all")]
    public async Task LiquidThatParsesIsAcceptedAndKeptVerbatim(string liquid)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        body["content"]!["en"]!["subject"] = liquid;

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(liquid, (string?)created!["content"]!["en"]!["subject"]);
    }

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("sr-Latn-RS")]
    [InlineData("ar")]
    [InlineData("fil")]
    public async Task LanguageTagIsAcceptedAsDefaultLocale(string locale)
    {
        using var admin = await _factory.CreateClientAsync(ApiScope.Admin);
        var body = TemplateBodies.Csat();
        body["defaultLocale"] = locale;
        body["content"]![locale] = new JsonObject { ["subject"] = "s", ["question"] = "q" };

        var response = await admin.PostAsJsonAsync("/v1/templates", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(locale, (string?)created!["defaultLocale"]);
        Assert.Equal("q", (string?)created["content"]![locale]!["question"]);
    }
}
