using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class SurveyDocumentTests
{
    [Fact]
    public void SurveyIsStoredWithPinnedFieldNamesAndTypes()
    {
        var bson = Bson.Serialize(SurveyDocument.From(Samples.Survey()));

        Bson.AssertEqual("""
            { _id: 'srv_0193f1c2a0007000a000000000000002', templateId: 'tpl_0193f1c2a0007000a000000000000001', templateVersion: 3,
              kind: 'Nps', eventId: 'helpdesk-ticket-42-resolved', subjectId: 'ticket-42', customerId: 'c-17',
              customer: { email: 'jan@example.sk', name: 'Ján', locale: 'sk-SK', timeZone: 'Europe/Bratislava' },
              delivery: 'Email', locale: 'sk', properties: [{ k: 'channel', v: 'email' }, { k: 'shop.region', v: 'eu-central' }],
              status: 'Sent', sendAt: ISODate('2026-11-23T10:00:00.123Z'), createdAt: ISODate('2026-11-22T10:00:00.123Z'),
              token: '3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAA', attempts: 2, leaseOwner: 'host:42:abc', leaseUntil: ISODate('2026-11-23T10:05:00.123Z'),
              sentAt: ISODate('2026-11-23T10:00:01.123Z'), reminderAt: ISODate('2026-11-25T10:00:00.123Z'),
              reminderSentAt: ISODate('2026-11-25T10:01:00.123Z'), expiresAt: ISODate('2026-12-07T10:00:00.123Z'),
              deliveredAt: ISODate('2026-11-23T10:00:05.123Z'), openedAt: ISODate('2026-11-23T10:07:00.123Z'),
              answeredAt: ISODate('2026-11-23T10:08:00.123Z'), failureReason: '429 from the mail provider',
              dedupeKey: 'tpl_0193f1c2a0007000a000000000000001|ticket-42|c-17' }
            """, bson);
    }

    [Fact]
    public void LinkSurveyWithoutAnAddressStoresItsDeliveryAndNoEmail()
    {
        var survey = Samples.Survey() with { Delivery = SurveyDelivery.Link, Customer = new Customer("c-17", Email: null, Name: "Ján") };

        var bson = Bson.Serialize(SurveyDocument.From(survey));

        Assert.Equal("Link", bson["delivery"].AsString);
        Bson.AssertEqual("{ name: 'Ján' }", bson["customer"]);
        Same.Survey(survey, Bson.Deserialize<SurveyDocument>(bson).ToSurvey());
    }

    [Fact]
    public void ADocumentWrittenBeforeLinkSurveysReadsAsEmail()
    {
        var bson = Bson.Serialize(SurveyDocument.From(Samples.Survey()));
        bson.Remove("delivery");

        Assert.Equal(SurveyDelivery.Email, Bson.Deserialize<SurveyDocument>(bson).ToSurvey().Delivery);
    }

    [Fact]
    public void SurveySurvivesTheRoundTripWithEveryField()
    {
        var survey = Samples.Survey();

        Same.Survey(survey, Bson.RoundTrip(SurveyDocument.From(survey)).ToSurvey());
    }

    [Fact]
    public void ScheduledSurveyStoresOnlyTheFieldsItHas()
    {
        var survey = Samples.ScheduledSurvey();

        var bson = Bson.Serialize(SurveyDocument.From(survey));

        Assert.Equal(
            ["_id", "templateId", "templateVersion", "kind", "subjectId", "customerId", "customer", "delivery", "locale", "properties",
             "status", "sendAt", "createdAt", "token", "attempts", "dedupeKey"],
            bson.Names);
        Bson.AssertEqual("{ email: 'ewa@example.pl' }", bson["customer"]);
        Same.Survey(survey, Bson.Deserialize<SurveyDocument>(bson).ToSurvey());
    }

    [Fact]
    public void CancelledSurveyHasNoDedupeKeySoTheUniqueIndexIgnoresIt()
    {
        var cancelled = Samples.ScheduledSurvey() with { Status = SurveyStatus.Cancelled, CancelledAt = Samples.Now };

        var bson = Bson.Serialize(SurveyDocument.From(cancelled));

        Assert.DoesNotContain("dedupeKey", bson.Names);
        Assert.Equal("Cancelled", bson["status"].AsString);
    }

    [Fact]
    public void TimesAreTruncatedToTheMillisecond()
    {
        var survey = Samples.ScheduledSurvey() with { SendAt = Samples.Now.AddTicks(9_999), CreatedAt = Samples.Now.AddTicks(1) };

        var back = Bson.RoundTrip(SurveyDocument.From(survey)).ToSurvey();

        Assert.Equal(Samples.Now, back.SendAt);
        Assert.Equal(Samples.Now, back.CreatedAt);
    }

    [Fact]
    public void TimesWithAnOffsetAreStoredAsTheSameInstantInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.FromHours(1));
        var survey = Samples.ScheduledSurvey() with { SendAt = local };

        var bson = Bson.Serialize(SurveyDocument.From(survey));
        var back = Bson.Deserialize<SurveyDocument>(bson).ToSurvey();

        Bson.AssertEqual("{ sendAt: ISODate('2026-11-23T10:00:00Z') }", new MongoDB.Bson.BsonDocument("sendAt", bson["sendAt"]));
        Assert.Equal(local, back.SendAt);
        Assert.Equal(TimeSpan.Zero, back.SendAt.Offset);
    }
}
