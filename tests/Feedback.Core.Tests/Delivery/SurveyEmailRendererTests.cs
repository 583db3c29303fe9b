using System.Text.RegularExpressions;
using Feedback.Core.Delivery;
using Feedback.Core.Templates;
using static Feedback.Core.Tests.Delivery.EmailFixtures;

namespace Feedback.Core.Tests.Delivery;

public sealed class SurveyEmailRendererTests
{
    [Theory]
    [InlineData(SurveyKind.Nps, 0, 10)]
    [InlineData(SurveyKind.Csat, 1, 5)]
    [InlineData(SurveyKind.Ces, 1, 7)]
    public void ScoreLinksCoverTheScaleOfTheKindExactly(SurveyKind kind, int min, int max)
    {
        var batch = Renderer().Render(Template(kind), "en", [Survey("s1")]);

        var expected = Enumerable.Range(min, max - min + 1)
            .Select(score => $"{BaseUrl}/s/{SubstitutionTags.Token}?score={score}").ToList();
        Assert.Equal(expected, ScoreLinks(batch.Html));
        Assert.All(expected, link => Assert.Contains($": {link}\n", batch.Text));
    }

    [Theory]
    [InlineData("he", "rtl")]
    [InlineData("ar-EG", "rtl")]
    [InlineData("sk", "ltr")]
    [InlineData("en", "ltr")]
    public void DirectionFollowsTheLocale(string locale, string dir)
    {
        var template = Template(content: new Dictionary<string, LocaleContent> { ["en"] = Content(), [locale] = Content() });

        var batch = Renderer().Render(template, locale, [Survey("s1")]);

        Assert.Contains($"<html lang=\"{locale}\" dir=\"{dir}\">", batch.Html);
        Assert.Equal(locale, batch.Locale);
    }

    [Fact]
    public void RendersTheContentOfTheLocaleKeyItIsGiven()
    {
        var template = Template(content: new Dictionary<string, LocaleContent>
        {
            ["en"] = Content(subject: "How did we do?", question: "How satisfied are you?"),
            ["pl"] = Content(subject: "Jak nam poszło?", question: "Jak bardzo jesteś zadowolony?", low: "Bardzo źle"),
        });

        var batch = Renderer().Render(template, "pl", [Survey("s1")]);

        var recipient = Assert.Single(batch.Recipients);
        Assert.Equal("Jak nam poszło?", recipient.Subject);
        Assert.Contains("Jak bardzo jesteś zadowolony?", recipient.Personalize(batch.Html));
        Assert.Contains("Bardzo źle", recipient.Personalize(batch.Html));
        Assert.Contains("Wypisz się", batch.Html);
    }

    [Fact]
    public void LocaleWithoutContentIsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => Renderer().Render(Template(), "pl-PL", [Survey("s1")]));

    [Fact]
    public void PlaceholdersAreRenderedForEachRecipient()
    {
        var template = Template(content: new Dictionary<string, LocaleContent>
        {
            ["en"] = Content(
                subject: "Hi {{ customer.name }}, about {{ subject.id }}",
                question: "Rate {{ properties.product }} ({{ survey.id }}, {{ customer.id }})",
                low: "Bad {{ properties.product }}",
                high: "Great for {{ customer.name }}"),
        });
        var surveys = new[]
        {
            Survey("s1", "Ján", "ticket-1", new() { ["product"] = "X1" }),
            Survey("s2", "Miriam", "ticket-2", new() { ["product"] = "Y2" }),
        };

        var batch = Renderer().Render(template, "en", surveys);

        var (jan, miriam) = (batch.Recipients[0], batch.Recipients[1]);
        Assert.Equal(["Hi Ján, about ticket-1", "Hi Miriam, about ticket-2"], [jan.Subject, miriam.Subject]);
        Assert.Contains("Rate X1 (s1, c-s1)", jan.Personalize(batch.Html));
        Assert.Contains("Rate Y2 (s2, c-s2)", miriam.Personalize(batch.Html));
        Assert.Contains("Bad X1", jan.Personalize(batch.Text));
        Assert.Contains("Great for Miriam", miriam.Personalize(batch.Text));
        Assert.DoesNotContain("Miriam", jan.Personalize(batch.Html));
    }

    [Fact]
    public void MissingNameAndUnknownVariablesRenderEmpty()
    {
        var template = Template(content: new Dictionary<string, LocaleContent>
        {
            ["en"] = Content(subject: "Hi {{ customer.name }}!", question: "[{{ properties.nope }}{{ nothing.at.all }}]"),
        });

        var batch = Renderer().Render(template, "en", [Survey("s1", name: null)]);

        var recipient = Assert.Single(batch.Recipients);
        Assert.Equal("Hi !", recipient.Subject);
        Assert.Equal("[]", recipient.Substitutions[SubstitutionTags.QuestionText]);
    }

    [Fact]
    public void EveryRecipientGetsOneClickUnsubscribeHeaders()
    {
        var batch = Renderer().Render(Template(), "en", [Survey("s1"), Survey("s2")]);

        Assert.All(batch.Recipients, recipient =>
        {
            Assert.Equal($"<{BaseUrl}/u/{recipient.Substitutions[SubstitutionTags.Token]}>", recipient.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", recipient.Headers["List-Unsubscribe-Post"]);
        });
        Assert.Contains($"href=\"{BaseUrl}/u/{SubstitutionTags.Token}\"", batch.Html);
        Assert.Contains($"{BaseUrl}/u/{SubstitutionTags.Token}\n", batch.Text);
    }

    [Fact]
    public void PersonalizedHtmlLinksCarryOnlyTheRecipientsOwnToken()
    {
        var surveys = new[] { Survey("s1"), Survey("s2"), Survey("s3") };

        var batch = Renderer().Render(Template(SurveyKind.Nps), "en", surveys);

        for (var i = 0; i < surveys.Length; i++)
        {
            var html = batch.Recipients[i].Personalize(batch.Html);
            var links = ScoreLinks(html);
            Assert.Equal(11, links.Count);
            Assert.All(links, link => Assert.StartsWith($"{BaseUrl}/s/{surveys[i].Token}?score=", link));
            Assert.Contains($"{BaseUrl}/u/{surveys[i].Token}", html);
            Assert.All(surveys.Where((_, j) => j != i), other => Assert.DoesNotContain(other.Token, html));
            Assert.DoesNotContain("%fb_", html);
        }
    }

    [Fact]
    public void PlainTextHasNoHtmlTags()
    {
        var batch = Renderer().Render(Template(SurveyKind.Nps), "en", [Survey("s1")]);

        var text = batch.Recipients[0].Personalize(batch.Text);
        Assert.DoesNotMatch(new Regex("<[a-zA-Z/!][^>]*>"), text);
        Assert.Contains("How satisfied are you with ticket-42?", text);
        Assert.Contains("0 (Very unsatisfied): ", text);
        Assert.Contains("10 (Very satisfied): ", text);
    }

    [Fact]
    public void LabelsAreLeftOutWhenTheTemplateHasNone()
    {
        var template = Template(content: new Dictionary<string, LocaleContent> { ["en"] = Content(low: null, high: null) });

        var batch = Renderer().Render(template, "en", [Survey("s1")]);

        Assert.DoesNotContain("colspan", batch.Html);
        Assert.Contains($"1: {BaseUrl}/s/", batch.Text);
        Assert.Equal(4, batch.Recipients[0].Substitutions.Count);
    }

    [Fact]
    public void TheHtmlTitleIsEachRecipientsSubjectEscaped()
    {
        var surveys = new[] { Survey("s1", "Ján"), Survey("s2", "<b>Tom & Jerry</b> %fb_token%") };

        var batch = Renderer().Render(Template(), "en", surveys);

        Assert.Contains($"<title>{SubstitutionTags.SubjectHtml}</title>", batch.Html);
        Assert.Contains("<title>How did we do, Ján?</title>", batch.Recipients[0].Personalize(batch.Html));
        var title = Regex.Match(batch.Recipients[1].Personalize(batch.Html), "<title>(.*)</title>").Groups[1].Value;
        Assert.StartsWith("How did we do, &lt;b&gt;Tom &amp; Jerry&lt;/b&gt; &#37;", title);
        Assert.DoesNotContain(surveys[1].Token, title);
    }

    [Fact]
    public void ALocaleWithoutScaleLabelsShowsTheDefaultLocalesLabels()
    {
        var template = Template(content: new Dictionary<string, LocaleContent>
        {
            ["en"] = Content(low: "Very unsatisfied", high: "Very satisfied"),
            ["pl"] = Content(subject: "Jak nam poszło?", question: "Jak bardzo jesteś zadowolony?", low: null, high: " "),
            ["sk"] = Content(subject: "Ako sme to zvládli?", question: "Ste spokojný?", low: "Veľmi nespokojný", high: null),
        });

        var polish = Renderer().Render(template, "pl", [Survey("s1")]);
        var slovak = Renderer().Render(template, "sk", [Survey("s2")]);

        var html = polish.Recipients[0].Personalize(polish.Html);
        Assert.Contains("Very unsatisfied", html);
        Assert.Contains("Very satisfied", html);
        Assert.Contains("1 (Very unsatisfied): ", polish.Recipients[0].Personalize(polish.Text));
        Assert.Contains("5 (Very satisfied): ", polish.Recipients[0].Personalize(polish.Text));
        var sk = slovak.Recipients[0].Personalize(slovak.Text);
        Assert.Contains("1 (Veľmi nespokojný): ", sk);
        Assert.Contains("5 (Very satisfied): ", sk);
    }
}
