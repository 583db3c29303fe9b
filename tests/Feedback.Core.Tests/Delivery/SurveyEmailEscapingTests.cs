using Feedback.Core.Delivery;
using Feedback.Core.Templates;
using static Feedback.Core.Tests.Delivery.EmailFixtures;

namespace Feedback.Core.Tests.Delivery;

public sealed class SurveyEmailEscapingTests
{
    private const string Script = "<script>alert(1)</script>";

    private static EmailBatch RenderOne(LocaleContent content, string? name = "Ján", Dictionary<string, string>? properties = null) =>
        Renderer().Render(Template(content: new Dictionary<string, LocaleContent> { ["en"] = content }), "en",
            [Survey("s1", name, properties: properties)]);

    [Fact]
    public void ScriptInNameAndPropertiesIsEscapedInTheHtml()
    {
        var content = Content(question: "{{ customer.name }} bought {{ properties.product }}", high: "Yes {{ customer.name }}");

        var batch = RenderOne(content, Script, new() { ["product"] = Script });

        var html = batch.Recipients[0].Personalize(batch.Html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; bought &lt;script&gt;", html);
        Assert.Contains("Yes &lt;script&gt;", html);
        Assert.Contains($"{Script} bought {Script}", batch.Recipients[0].Personalize(batch.Text));
    }

    [Fact]
    public void NonLatinTextStaysReadableInTheHtml()
    {
        var batch = RenderOne(Content(question: "שלום {{ customer.name }}"), "Ján");

        Assert.Contains("שלום Ján", batch.Recipients[0].Personalize(batch.Html));
    }

    [Fact]
    public void SubjectIsPlainTextOnOneLine()
    {
        var batch = RenderOne(Content(subject: "Hi {{ customer.name }}"), "Tom & <Jerry>\r\nBcc: all@example.com");

        Assert.Equal("Hi Tom & <Jerry> Bcc: all@example.com", batch.Recipients[0].Subject);
    }

    [Fact]
    public void SubjectIsCutTo200Characters()
    {
        var batch = RenderOne(Content(subject: "{{ customer.name }}"), new string('a', 199) + "😀 and more");

        var subject = batch.Recipients[0].Subject;
        Assert.Equal(new string('a', 199), subject);
    }

    [Theory]
    [InlineData("%fb_token%")]
    [InlineData("%fb_question_text% %fb_question_html%")]
    [InlineData("%FB_TOKEN% %fb_low_label_html%")]
    public void ValuesHoldingTagNamesCannotPullInOtherValues(string name)
    {
        var content = Content(subject: "Hi {{ customer.name }}", question: "Hi {{ customer.name }}", low: "{{ customer.name }}");

        var batch = RenderOne(content, name);

        var recipient = batch.Recipients[0];
        var token = recipient.Substitutions[SubstitutionTags.Token];
        var reversed = recipient with { Substitutions = recipient.Substitutions.Reverse().ToDictionary() };
        foreach (var body in new[] { batch.Html, batch.Text })
        {
            var personalized = recipient.Personalize(body);
            Assert.Equal(personalized, reversed.Personalize(body));
            // Five score links and the unsubscribe link, nothing more.
            Assert.Equal(6, personalized.Split(token).Length - 1);
        }
        Assert.DoesNotContain("%fb_", recipient.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.All(recipient.Substitutions.Values, value => Assert.DoesNotContain("%fb_", value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void PercentSignsStillReadAsPercentSigns()
    {
        var batch = RenderOne(Content(question: "{{ properties.discount }} off"), properties: new() { ["discount"] = "50%" });

        Assert.Contains("50&#37; off", batch.Recipients[0].Personalize(batch.Html));
        Assert.Contains("50% off", batch.Recipients[0].Personalize(batch.Text));
    }

    [Fact]
    public void LiquidRuntimeErrorKeepsWhatRenderedAndDoesNotThrow()
    {
        var batch = RenderOne(Content(question: "Before {{ 1 | divided_by: 0 }} after"));

        Assert.Equal("Before ", batch.Recipients[0].Substitutions[SubstitutionTags.QuestionText]);
    }

    [Fact]
    public void RunawayLoopIsCutShort()
    {
        var batch = RenderOne(Content(question: "{% for i in (1..300000) %}x{% endfor %}"));

        var text = batch.Recipients[0].Substitutions[SubstitutionTags.QuestionText];
        Assert.InRange(text.Length, 1, 100_000);
    }

    [Fact]
    public void SourceThatDoesNotParseRendersAsText()
    {
        var batch = RenderOne(Content(question: "Broken {{ customer.name <b>"));

        Assert.Equal("Broken {{ customer.name &lt;b&gt;", batch.Recipients[0].Substitutions[SubstitutionTags.QuestionHtml]);
    }
}
