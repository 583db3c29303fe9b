using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Core.Themes;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoCommentTermQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class CommentTermQueryTests
{
    // The conventions must be in place before Comment's keys are built into filters, or the class maps freeze without them.
    static CommentTermQueryTests() => MongoConventions.Register();

    private static readonly CommentTerms Comment = new()
    {
        ResponseId = "rsp_1", CustomerId = "cus_1", TemplateId = "tpl_1", Kind = SurveyKind.Nps, Day = new DateOnly(2026, 11, 24),
        Language = "pl", Band = ScoreBand.Low, Terms = ["zwrot", "brak zwrot"],
    };

    [Fact]
    public void ACommentIsOneIncUpsertPerTermAndForTheCommentsAndOccurrencesRowsInItsBand()
    {
        Bson.AssertEqual("""
            [{ filter: { _id: { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: '' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { low: NumberLong(-1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: '\t' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { low: NumberLong(-2) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: 'zwrot' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { low: NumberLong(-1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: 'brak zwrot' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { low: NumberLong(-1) } }, upsert: true }]
            """, new BsonArray(Move(Comment, -1).Cast<UpdateOneModel<TermCountDocument>>().Select(m =>
                new BsonDocument { { "filter", Bson.Render(m.Filter) }, { "update", Bson.Render(m.Update) }, { "upsert", m.IsUpsert } })));
    }

    [Fact]
    public void ARemovedCommentDeletesOnlyItsRowsThatNoBandCountsAnyMore()
    {
        Bson.AssertEqual("""
            { _id: { $in: [{ templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: '' },
                           { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: '\t' },
                           { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: 'zwrot' },
                           { templateId: 'tpl_1', day: '2026-11-24', language: 'pl', term: 'brak zwrot' }] },
              low: { $not: { $gt: NumberLong(0) } }, middle: { $not: { $gt: NumberLong(0) } }, high: { $not: { $gt: NumberLong(0) } } }
            """, Bson.Render(Emptied(Comment)));
    }

    [Fact]
    public void CountsMatchDaysAlwaysAndTemplateAndKindWhenGiven()
    {
        var query = new TermCountQuery(null, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

        Bson.AssertEqual("{ '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' } }", Bson.Render(Matching(query)));
        Bson.AssertEqual("{ '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' }, '_id.templateId': 'tpl_1', kind: 'Csat' }",
            Bson.Render(Matching(query with { TemplateId = "tpl_1", Kind = SurveyKind.Csat })));
    }

    [Fact]
    public void CountsAreSummedOnTheServerKeepingTermsEnoughSegmentCommentsContainAndTheTotals()
    {
        var query = new TermCountQuery(SurveyKind.Nps, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

        var stages = Summed(query, ScoreBand.High, 3).Render(new RenderArgs<TermCountDocument>(
            MongoDB.Bson.Serialization.BsonSerializer.LookupSerializer<TermCountDocument>(), MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry)).Documents;

        Bson.AssertEqual("""
            [{ $match: { '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' }, kind: 'Nps' } },
             { $group: { _id: { language: '$_id.language', term: '$_id.term' }, low: { $sum: '$low' }, middle: { $sum: '$middle' }, high: { $sum: '$high' } } },
             { $match: { $or: [{ high: { $gte: 3 } }, { '_id.term': { $in: ['', '\t'] } }] } }]
            """, new BsonArray(stages));
    }

    [Fact]
    public void ExamplesAreTheBandsCommentsHoldingATermNewestFirst()
    {
        var query = new TermCountQuery(SurveyKind.Nps, "tpl_1", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

        Bson.AssertEqual("""
            { day: { $gte: '2026-11-01', $lt: '2026-12-01' }, templateId: 'tpl_1', kind: 'Nps', band: { $in: ['Low'] },
              terms: { $in: ['zwrot', 'kurier'] } }
            """, Bson.Render(Examples(query, [ScoreBand.Low], ["zwrot", "kurier"])));
        Bson.AssertEqual("{ day: -1, _id: -1 }", Bson.Render(NewestFirst));
    }

    [Fact]
    public void IndexesServeTemplatesAndKindsByDayAndErasureByCustomer()
    {
        Bson.AssertEqual("[{ '_id.templateId': 1, '_id.day': 1 }, { kind: 1, '_id.day': 1 }]",
            new BsonArray(CountIndexes.Select(i => Bson.Render(i.Keys))));
        Bson.AssertEqual("[{ customerId: 1 }, { templateId: 1, day: -1 }, { kind: 1, day: -1 }]",
            new BsonArray(CommentIndexes.Select(i => Bson.Render(i.Keys))));
    }

    [Fact]
    public void ARecordStoresTheCommentsTermsAndReadsBack()
    {
        var bson = Bson.Serialize(CommentTermsDocument.From(Comment));

        Bson.AssertEqual("""
            { _id: 'rsp_1', customerId: 'cus_1', templateId: 'tpl_1', kind: 'Nps', day: '2026-11-24', language: 'pl', band: 'Low',
              terms: ['zwrot', 'brak zwrot'] }
            """, bson);
        var back = Bson.Deserialize<CommentTermsDocument>(bson).ToCommentTerms();
        Assert.Equal(Comment.Terms, back.Terms);
        Assert.Equal(Comment with { Terms = [] }, back with { Terms = [] });
    }
}
