using Feedback.Core.Storage;
using Feedback.Core.Templates;
using MongoDB.Bson;
using static Feedback.Storage.MongoDb.Queries.MongoResponseQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class ResponseQueryTests
{
    [Fact]
    public void LookUpUsesTheIdAndListsSortByAnswerTimeThenId()
    {
        Bson.AssertEqual("{ _id: 'rsp_1' }", Bson.Render(ById("rsp_1")));
        Bson.AssertEqual("{ answeredAt: 1, _id: 1 }", Bson.Render(InListOrder()));
    }

    [Fact]
    public void ListWithoutFiltersMatchesEverything()
    {
        Bson.AssertEqual("{ }", Bson.Render(List(new ResponseQuery())));
        Bson.AssertEqual("{ }", Bson.Render(Matching(new ResponseQuery())));
    }

    [Theory]
    [InlineData("templateId", "{ templateId: 'tpl_1' }")]
    [InlineData("kind", "{ kind: 'Ces' }")]
    [InlineData("from", "{ answeredAt: { $gte: ISODate('2026-11-23T10:00:00.123Z') } }")]
    [InlineData("to", "{ answeredAt: { $lt: ISODate('2026-11-23T10:00:00.123Z') } }")]
    [InlineData("minScore", "{ score: { $gte: 9 } }")]
    [InlineData("maxScore", "{ score: { $lte: 6 } }")]
    [InlineData("hasComment", "{ hasComment: false }")]
    [InlineData("customerId", "{ customerId: 'c-17' }")]
    [InlineData("channel", "{ channel: 'chat' }")]
    [InlineData("updatedSince", "{ updatedAt: { $gte: ISODate('2026-11-23T10:00:00.123Z') } }")]
    [InlineData("properties", "{ properties: { $elemMatch: { k: 'shop.region', v: 'eu-central' } } }")]
    [InlineData("reason", "{ reasons: 'slow_response' }")]
    [InlineData("after", "{ $or: [{ answeredAt: { $gt: ISODate('2026-11-23T10:00:00.123Z') } }, { answeredAt: ISODate('2026-11-23T10:00:00.123Z'), _id: { $gt: 'rsp_9' } }] }")]
    public void EachFilterAloneRendersAsItsOwnCondition(string field, string expected)
    {
        var query = field switch
        {
            "templateId" => new ResponseQuery { TemplateId = "tpl_1" },
            "kind" => new ResponseQuery { Kind = SurveyKind.Ces },
            "from" => new ResponseQuery { From = Samples.Now },
            "to" => new ResponseQuery { To = Samples.Now },
            "minScore" => new ResponseQuery { MinScore = 9 },
            "maxScore" => new ResponseQuery { MaxScore = 6 },
            "hasComment" => new ResponseQuery { HasComment = false },
            "customerId" => new ResponseQuery { CustomerId = "c-17" },
            "channel" => new ResponseQuery { Channel = "chat" },
            "updatedSince" => new ResponseQuery { UpdatedSince = Samples.Now },
            "properties" => new ResponseQuery { Properties = new Dictionary<string, string> { ["shop.region"] = "eu-central" } },
            "reason" => new ResponseQuery { Reason = "slow_response" },
            "after" => new ResponseQuery { After = new ResponsePosition(Samples.Now, "rsp_9") },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };

        Bson.AssertEqual(expected, Bson.Render(List(query)));
    }

    [Fact]
    public void ListCombinesEveryFilterWithTheCursor()
    {
        var query = new ResponseQuery
        {
            TemplateId = "tpl_1", Kind = SurveyKind.Nps, From = Samples.Now, To = Samples.Now.AddDays(7), MinScore = 0, MaxScore = 6,
            HasComment = true, CustomerId = "c-17", UpdatedSince = Samples.Now.AddDays(-1), After = new ResponsePosition(Samples.Now, "rsp_9"),
            Properties = new Dictionary<string, string> { ["channel"] = "email" }, Reason = "rude",
        };

        Bson.AssertEqual("""
            { $or: [{ answeredAt: { $gt: ISODate('2026-11-23T10:00:00.123Z') } }, { answeredAt: ISODate('2026-11-23T10:00:00.123Z'), _id: { $gt: 'rsp_9' } }],
              templateId: 'tpl_1', kind: 'Nps',
              answeredAt: { $gte: ISODate('2026-11-23T10:00:00.123Z'), $lt: ISODate('2026-11-30T10:00:00.123Z') },
              score: { $gte: 0, $lte: 6 }, hasComment: true, customerId: 'c-17',
              updatedAt: { $gte: ISODate('2026-11-22T10:00:00.123Z') }, reasons: 'rude', properties: { $elemMatch: { k: 'channel', v: 'email' } } }
            """, Bson.Render(List(query)));
    }

    [Fact]
    public void EveryGivenPropertyMustMatchItsOwnPair()
    {
        var query = new ResponseQuery { Properties = new Dictionary<string, string> { ["channel"] = "email", ["shop.region"] = "eu-central" } };

        Bson.AssertEqual("""
            { $and: [{ properties: { $elemMatch: { k: 'channel', v: 'email' } } },
                     { properties: { $elemMatch: { k: 'shop.region', v: 'eu-central' } } }] }
            """, Bson.Render(List(query)));
    }

    [Fact]
    public void StreamFiltersIgnoreTheCursor()
    {
        Bson.AssertEqual("{ customerId: 'c-17' }", Bson.Render(Matching(new ResponseQuery { CustomerId = "c-17", After = new ResponsePosition(Samples.Now, "rsp_9"), Limit = 1 })));
    }

    [Fact]
    public void AnswerMarksItsSurveyAnsweredAtTheAnswerTime()
    {
        Bson.AssertEqual("{ _id: 'srv_1' }", Bson.Render(Survey("srv_1")));
        Bson.AssertEqual("{ $set: { status: 'Answered', answeredAt: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(Answered(Samples.Now)));
    }

    [Fact]
    public void AChangedAnswerReplacesTheStoredOneOnlyWhileItIsStillTheOneThatWasRead()
    {
        var previous = Samples.Response();

        Bson.AssertEqual("""
            { _id: 'rsp_srv_0193f1c2a0007000a000000000000002', score: 9, comment: 'שירות מעולה, תודה!',
              answeredAt: ISODate('2026-11-23T10:08:00.123Z'), updatedAt: ISODate('2026-11-23T10:09:00.123Z'),
              reasons: ['slow_response', 'rude'] }
            """, Bson.Render(Unchanged(previous)));
        // No reasons match a document with an empty list or none at all (written before reasons).
        Bson.AssertEqual("{ 'reasons.0': { $exists: false } }",
            new BsonDocument("reasons.0", Bson.Render(Unchanged(previous with { Reasons = [] }))["reasons.0"]));
        // No comment matches a document without one (absent, as nulls are not written).
        Bson.AssertEqual("{ comment: null }", new BsonDocument("comment", Bson.Render(Unchanged(previous with { Comment = null }))["comment"]));
    }
}
