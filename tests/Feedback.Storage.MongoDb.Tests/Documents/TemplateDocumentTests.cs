using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class TemplateDocumentTests
{
    [Fact]
    public void TemplateIsStoredWithPinnedFieldNamesAndTypes()
    {
        var bson = Bson.Serialize(TemplateDocument.From(Samples.Template()));

        Bson.AssertEqual("""
            { _id: 'tpl_0193f1c2a0007000a000000000000001', version: 3, status: 'Active', name: 'Post-resolution CSAT', kind: 'Csat',
              trigger: 'ticket.resolved', cancelOn: ['ticket.reopened', 'ticket.merged'], delay: 'PT24H', reminderAfter: 'P2D',
              expiresAfter: 'P14D', quietPeriod: 'P30D', sampleRate: 0.25, sendWindow: { start: '09:00:00', end: '20:30:15.5' },
              delivery: 'Email', reasons: { maxScore: 2, codes: ['slow_response', 'rude'] }, defaultLocale: 'en',
              content: {
                en: { subject: 'How did we do, {{ customer.name }}?', question: 'How satisfied are you?', lowLabel: 'Very unsatisfied',
                      highLabel: 'Very satisfied', commentPrompt: 'What could we do better?', thankYou: 'Thank you!',
                      reasonLabels: { slow_response: 'Slow response', rude: 'Rude' } },
                he: { subject: 'איך היה?', question: 'עד כמה אתה מרוצה?', reasonLabels: { rude: 'לא מנומס' } } },
              createdAt: ISODate('2026-11-21T10:00:00.123Z'), updatedAt: ISODate('2026-11-23T10:00:00.123Z') }
            """, bson);
    }

    [Fact]
    public void LinkTemplateStoresItsDeliveryAndADocumentWithoutOneReadsAsEmail()
    {
        var bson = Bson.Serialize(TemplateDocument.From(Samples.Template() with { Delivery = SurveyDelivery.Link }));

        Assert.Equal("Link", bson["delivery"].AsString);
        Assert.Equal(SurveyDelivery.Link, Bson.Deserialize<TemplateDocument>(bson).ToTemplate().Delivery);
        bson.Remove("delivery");
        Assert.Equal(SurveyDelivery.Email, Bson.Deserialize<TemplateDocument>(bson).ToTemplate().Delivery);
    }

    [Fact]
    public void ATemplateWithoutReasonsStoresNoneAndADocumentFromBeforeReasonsReadsWithout()
    {
        var template = Samples.Template() with { Reasons = null, Content = new Dictionary<string, LocaleContent> { ["en"] = new("s", "q") } };

        var bson = Bson.Serialize(TemplateDocument.From(template));

        Assert.DoesNotContain("reasons", bson.Names);
        Assert.DoesNotContain("reasonLabels", bson["content"]["en"].AsBsonDocument.Names);
        var back = Bson.Deserialize<TemplateDocument>(bson).ToTemplate();
        Assert.Null(back.Reasons);
        Assert.Null(back.Content["en"].ReasonLabels);
    }

    [Fact]
    public void TemplateSurvivesTheRoundTripWithEveryField()
    {
        var template = Samples.Template();

        var back = Bson.RoundTrip(TemplateDocument.From(template)).ToTemplate();

        Same.Template(template, back);
    }

    [Fact]
    public void MinimalTemplateLeavesOptionalFieldsOutAndReadsBackTheirNulls()
    {
        var template = Samples.Template() with
        {
            Trigger = null, CancelOn = [], ReminderAfter = null, QuietPeriod = null, SendWindow = null, Status = TemplateStatus.Archived,
        };

        var bson = Bson.Serialize(TemplateDocument.From(template));
        var back = Bson.Deserialize<TemplateDocument>(bson).ToTemplate();

        Assert.DoesNotContain("trigger", bson.Names);
        Assert.DoesNotContain("sendWindow", bson.Names);
        Assert.DoesNotContain("quietPeriod", bson.Names);
        Bson.AssertEqual("{ a: [] }", new MongoDB.Bson.BsonDocument("a", bson["cancelOn"]));
        Same.Template(template, back);
    }

    [Fact]
    public void VersionIsKeyedByTemplateIdAndVersionAndHoldsTheWholeTemplate()
    {
        var template = TemplateDocument.From(Samples.Template());

        var bson = Bson.Serialize(TemplateVersionDocument.From(template));

        Assert.Equal(["_id", "templateId", "version", "template"], bson.Names);
        Assert.Equal("tpl_0193f1c2a0007000a000000000000001@3", bson["_id"].AsString);
        Assert.Equal(3, bson["version"].AsInt32);
        Assert.Equal(Bson.Serialize(template), bson["template"]);
        Same.Template(Samples.Template(), Bson.Deserialize<TemplateVersionDocument>(bson).Template.ToTemplate());
    }
}
