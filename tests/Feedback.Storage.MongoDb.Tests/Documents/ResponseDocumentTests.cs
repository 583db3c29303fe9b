using Feedback.Storage.MongoDb.Documents;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class ResponseDocumentTests
{
    [Fact]
    public void ResponseIsStoredWithPinnedFieldNamesAndTypes()
    {
        var bson = Bson.Serialize(ResponseDocument.From(Samples.Response()));

        Bson.AssertEqual("""
            { _id: 'rsp_srv_0193f1c2a0007000a000000000000002', surveyId: 'srv_0193f1c2a0007000a000000000000002',
              templateId: 'tpl_0193f1c2a0007000a000000000000001', kind: 'Nps', score: 9, comment: 'שירות מעולה, תודה!',
              hasComment: true, reasons: ['slow_response', 'rude'], locale: 'he', customerId: 'c-17', subjectId: 'ticket-42', channel: 'email',
              properties: [{ k: 'channel', v: 'email' }, { k: 'shop.region', v: 'eu-central' }],
              answeredAt: ISODate('2026-11-23T10:08:00.123Z'), updatedAt: ISODate('2026-11-23T10:09:00.123Z') }
            """, bson);
    }

    [Fact]
    public void ResponseSurvivesTheRoundTripWithEveryField()
    {
        var response = Samples.Response();

        Same.Response(response, Bson.RoundTrip(ResponseDocument.From(response)).ToResponse());
    }

    [Fact]
    public void ResponseWithoutSurveyOrCommentStoresOnlyTheFieldsItHas()
    {
        var response = Samples.PhoneResponse();

        var bson = Bson.Serialize(ResponseDocument.From(response));

        Assert.Equal(
            ["_id", "templateId", "kind", "score", "hasComment", "reasons", "locale", "customerId", "subjectId", "channel", "properties", "answeredAt", "updatedAt"],
            bson.Names);
        Assert.False(bson["hasComment"].AsBoolean);
        Same.Response(response, Bson.Deserialize<ResponseDocument>(bson).ToResponse());
    }

    [Fact]
    public void AResponseFromBeforeReasonsReadsWithNone()
    {
        var bson = Bson.Serialize(ResponseDocument.From(Samples.Response()));
        bson.Remove("reasons");

        Assert.Empty(Bson.Deserialize<ResponseDocument>(bson).ToResponse().Reasons);
    }

    [Theory]
    [InlineData("Thanks", true)]
    [InlineData(" ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void HasCommentIsTrueOnlyForAComment(string? comment, bool hasComment)
    {
        var bson = Bson.Serialize(ResponseDocument.From(Samples.PhoneResponse() with { Comment = comment }));

        Assert.Equal(hasComment, bson["hasComment"].AsBoolean);
    }
}
