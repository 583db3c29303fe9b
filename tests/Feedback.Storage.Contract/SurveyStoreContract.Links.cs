using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// Link surveys: stored sent, with their delivery and maybe without an address; the outbox and reminders never take them.
public abstract partial class SurveyStoreContract<TAdapter>
{
    private Survey SampleLinkSurvey()
    {
        var now = Time.GetUtcNow();
        return SampleSurvey(sendAt: now) with
        {
            Delivery = SurveyDelivery.Link,
            Customer = new Customer("cus_web", Email: null, Name: "Dana", Locale: "he"),
            Status = SurveyStatus.Sent,
            SentAt = now,
            ExpiresAt = now.AddDays(7),
        };
    }

    [Fact]
    public async Task LinkSurveyWithoutAnAddressReadsBackWithItsDelivery()
    {
        var survey = SampleLinkSurvey();

        Assert.True(await Surveys.TryAddAsync(survey));

        AssertSameSurvey(survey, await Surveys.GetAsync(survey.Id));
        AssertSameSurvey(survey, await Surveys.GetByTokenAsync(survey.Token));
    }

    [Fact]
    public async Task LinkSurveyIsNeitherClaimedNorRemindedButExpires()
    {
        var survey = SampleLinkSurvey();
        await AddSurveysAsync(survey);
        var later = Time.GetUtcNow().AddDays(8);

        Assert.Empty(await Outbox.ClaimDueAsync(later, "worker-a", TimeSpan.FromMinutes(5), limit: 10));
        Assert.Empty(await Housekeeping.TakeDueRemindersAsync(later, limit: 10));
        Assert.Equal(1, await Housekeeping.ExpireAsync(later));
        Assert.Equal(SurveyStatus.Expired, (await Surveys.GetAsync(survey.Id))!.Status);
    }
}

// ITemplateStore: the delivery is part of every version.
public abstract partial class TemplateStoreContract<TAdapter>
{
    [Fact]
    public async Task LinkTemplateReadsBackWithItsDelivery()
    {
        var template = SampleTemplate() with { Delivery = SurveyDelivery.Link };

        await Templates.CreateAsync(template);

        Assert.Equal(SurveyDelivery.Link, (await Templates.GetAsync(template.Id))!.Delivery);
        Assert.Equal(SurveyDelivery.Link, (await Templates.GetVersionAsync(template.Id, 1))!.Delivery);
        AssertSameTemplate(template, await Templates.GetAsync(template.Id));
    }
}
