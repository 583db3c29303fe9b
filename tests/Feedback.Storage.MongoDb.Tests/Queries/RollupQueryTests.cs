using Feedback.Core.Scoring;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;
using static Feedback.Storage.MongoDb.Queries.MongoRollupQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class RollupQueryTests
{
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(-2));

    [Fact]
    public void AnAnswerIsOneIncUpsertPerRowKeyedByTemplateDimensionValueAndUtcDay()
    {
        var answer = Samples.PhoneResponse() with
        {
            TemplateId = "tpl_1", Kind = SurveyKind.Nps, Score = 9, Channel = "web", AnsweredAt = LateEvening,
            Properties = new Dictionary<string, string> { ["agent"] = "maria", ["priority"] = "" },
        };

        // The count a changed answer takes back from its previous score.
        var counts = Count(RollupKeys.OfAnswer(answer with { Score = 10 }, previous: answer).Where(d => d.Change < 0));

        // 23:30 at −02:00 is the next UTC day; the empty value has no row.
        Bson.AssertEqual("""
            [{ filter: { _id: { templateId: 'tpl_1', dimension: '', value: '', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: -1 } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: '@channel', value: 'web', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: -1 } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: 'agent', value: 'maria', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: -1 } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: '@reason', value: '(none)', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: -1 } }, upsert: true }]
            """, Describe(counts));
    }

    [Fact]
    public void AnAnswerToASentSurveyAlsoIncrementsTheAnsweredCount()
    {
        var answer = Samples.PhoneResponse() with
        {
            SurveyId = "srv_1", TemplateId = "tpl_1", Kind = SurveyKind.Nps, Score = 9, Channel = "email", AnsweredAt = LateEvening,
            Properties = new Dictionary<string, string>(), Reasons = ["slow_response", "rude"],
        };

        var counts = Count(RollupKeys.OfAnswer(answer));

        Bson.AssertEqual("""
            [{ filter: { _id: { templateId: 'tpl_1', dimension: '', value: '', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: 1, answered: NumberLong(1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: '@channel', value: 'email', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: 1, answered: NumberLong(1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: '@reason', value: 'slow_response', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: 1, answered: NumberLong(1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: '@reason', value: 'rude', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Nps' }, $inc: { h9: 1, answered: NumberLong(1) } }, upsert: true }]
            """, Describe(counts));
    }

    [Fact]
    public void ASendIncrementsSentOnlyAndAPropertyCalledChannelHasItsOwnRow()
    {
        var survey = Samples.Survey() with
        {
            TemplateId = "tpl_1", Kind = SurveyKind.Csat, Properties = new Dictionary<string, string> { ["channel"] = "spoofed" },
        };

        var counts = Count(RollupKeys.OfSend(survey, LateEvening.AddHours(-12)));

        Bson.AssertEqual("""
            [{ filter: { _id: { templateId: 'tpl_1', dimension: '', value: '', day: '2026-11-23' } },
               update: { $setOnInsert: { kind: 'Csat' }, $inc: { sent: NumberLong(1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: '@channel', value: 'email', day: '2026-11-23' } },
               update: { $setOnInsert: { kind: 'Csat' }, $inc: { sent: NumberLong(1) } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: 'channel', value: 'spoofed', day: '2026-11-23' } },
               update: { $setOnInsert: { kind: 'Csat' }, $inc: { sent: NumberLong(1) } }, upsert: true }]
            """, Describe(counts));
    }

    [Fact]
    public void APairRowIsAnIncUpsertLikeAnyOtherAndItsQueryMatchesItsDimension()
    {
        var answer = Samples.PhoneResponse() with
        {
            TemplateId = "tpl_1", Kind = SurveyKind.Csat, Score = 4, Channel = "web", AnsweredAt = LateEvening,
            Properties = new Dictionary<string, string> { ["category"] = "billing", ["agent"] = "maria" },
        };

        var counts = Count(RollupKeys.OfAnswer(answer, pairs: RollupPairs.Parse("category,agent")).Where(d => d.Dimension.Contains('>')));

        Bson.AssertEqual("""
            [{ filter: { _id: { templateId: 'tpl_1', dimension: 'category=billing>agent', value: 'maria', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Csat' }, $inc: { h4: 1 } }, upsert: true },
             { filter: { _id: { templateId: 'tpl_1', dimension: 'agent=maria>category', value: 'billing', day: '2026-11-24' } },
               update: { $setOnInsert: { kind: 'Csat' }, $inc: { h4: 1 } }, upsert: true }]
            """, Describe(counts));
        var query = new RollupQuery
        {
            Kind = SurveyKind.Csat, TemplateId = "tpl_1", From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 12, 1),
            Dimension = RollupPairs.Dimension("category", "billing", "agent"),
        };
        Bson.AssertEqual(
            "{ kind: 'Csat', '_id.dimension': 'category=billing>agent', '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' }, '_id.templateId': 'tpl_1' }",
            Bson.Render(Matching(query)));
    }

    [Fact]
    public void QueryMatchesKindDimensionAndDaysAlwaysAndTemplateAndValueWhenGiven()
    {
        var query = new RollupQuery { Kind = SurveyKind.Ces, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 12, 1), Dimension = "agent" };

        Bson.AssertEqual("{ kind: 'Ces', '_id.dimension': 'agent', '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' } }", Bson.Render(Matching(query)));
        Bson.AssertEqual(
            "{ kind: 'Ces', '_id.dimension': 'agent', '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' }, '_id.templateId': 'tpl_1', '_id.value': 'maria' }",
            Bson.Render(Matching(query with { TemplateId = "tpl_1", Value = "maria" })));
    }

    [Fact]
    public void SummingGroupsTheMatchingRowsPerBucketAndValueOnTheServerAndReadsBackAsOneRollupEach()
    {
        var query = new RollupQuery
        {
            Kind = SurveyKind.Nps, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 12, 1),
            Dimension = RollupPairs.Dimension("category", "billing", "agent"), Buckets = RollupBuckets.Period,
        };

        Bson.AssertEqual("""
            [{ $match: { kind: 'Nps', '_id.dimension': 'category=billing>agent', '_id.day': { $gte: '2026-11-01', $lt: '2026-12-01' } } },
             { $group: { _id: { day: '2026-11-01', value: '$_id.value' }, h0: { $sum: '$h0' }, h1: { $sum: '$h1' }, h2: { $sum: '$h2' }, h3: { $sum: '$h3' },
                 h4: { $sum: '$h4' }, h5: { $sum: '$h5' }, h6: { $sum: '$h6' }, h7: { $sum: '$h7' }, h8: { $sum: '$h8' },
                 h9: { $sum: '$h9' }, h10: { $sum: '$h10' }, sent: { $sum: '$sent' }, answered: { $sum: '$answered' } } }]
            """, Stages(query));
        // $sum of fields an upsert never created is 0 (an int), of counted ones a long.
        var row = BsonDocument.Parse("""
            { _id: { day: '2026-11-01', value: 'maria' }, h0: 0, h1: 0, h2: 0, h3: 0, h4: 0, h5: 0, h6: NumberLong(1), h7: 0, h8: 0,
              h9: NumberLong(2), h10: NumberLong(7), sent: NumberLong(40), answered: NumberLong(9) }
            """);
        var rollup = SummedRow(query, row);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 7], rollup.Histogram);
        Assert.Equal(
            new ScoreRollup { TemplateId = "", Kind = SurveyKind.Nps, Day = query.From, Dimension = query.Dimension, Value = "maria", Histogram = [], Sent = 40, Answered = 9 },
            rollup with { Histogram = [] });
    }

    [Fact]
    public void WeekAndMonthBucketsStartOnTheIsoMondayAndTheFirstOfTheMonth()
    {
        var query = new RollupQuery { Kind = SurveyKind.Csat, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 12, 1), Dimension = "agent" };
        const string day = "{ $dateFromString: { dateString: '$_id.day', format: '%Y-%m-%d' } }";

        Bson.AssertEqual(
            $"{{ day: {{ $dateToString: {{ format: '%Y-%m-%d', date: {{ $subtract: [{day}, {{ $multiply: [{{ $subtract: [{{ $isoDayOfWeek: {day} }}, 1] }}, NumberLong(86400000)] }}] }} }} }}, value: '$_id.value' }}",
            GroupId(query with { Buckets = RollupBuckets.Week }));
        Bson.AssertEqual("{ day: { $concat: [{ $substrBytes: ['$_id.day', 0, 8] }, '01'] }, value: '$_id.value' }",
            GroupId(query with { Buckets = RollupBuckets.Month }));
    }

    private static BsonArray Stages(RollupQuery query) => new(Summed(query).Render(new RenderArgs<RollupDocument>(
        MongoDB.Bson.Serialization.BsonSerializer.LookupSerializer<RollupDocument>(), MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry)).Documents);

    private static BsonValue GroupId(RollupQuery query) => Stages(query)[1]["$group"]["_id"];

    [Fact]
    public void IndexesServeOneTemplateByDimensionValueAndDayAndAKindAcrossTemplates()
    {
        Bson.AssertEqual("""
            [{ '_id.templateId': 1, '_id.dimension': 1, '_id.value': 1, '_id.day': 1 }, { kind: 1, '_id.dimension': 1, '_id.day': 1 }]
            """, new BsonArray(Indexes.Select(i => Bson.Render(i.Keys))));
    }

    [Fact]
    public void ADocumentStoresOneFieldPerScoreAndReadsBackAsTheRollup()
    {
        var rollup = new ScoreRollup
        {
            TemplateId = "tpl_1", Kind = SurveyKind.Nps, Day = new DateOnly(2026, 11, 24), Dimension = "agent", Value = "Ľubomír",
            Histogram = [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 7], Sent = 40, Answered = 9,
        };

        var bson = Bson.Serialize(RollupDocument.From(rollup));

        Bson.AssertEqual("""
            { _id: { templateId: 'tpl_1', dimension: 'agent', value: 'Ľubomír', day: '2026-11-24' }, kind: 'Nps',
              h0: NumberLong(1), h1: NumberLong(0), h2: NumberLong(0), h3: NumberLong(0), h4: NumberLong(0), h5: NumberLong(0),
              h6: NumberLong(0), h7: NumberLong(2), h8: NumberLong(0), h9: NumberLong(0), h10: NumberLong(7), sent: NumberLong(40),
              answered: NumberLong(9) }
            """, bson);
        var back = Bson.Deserialize<RollupDocument>(bson).ToRollup();
        Assert.Equal(rollup.Histogram, back.Histogram);
        Assert.Equal(rollup with { Histogram = [] }, back with { Histogram = [] });
    }

    private static BsonArray Describe(IEnumerable<WriteModel<RollupDocument>> models) => new(models.Cast<UpdateOneModel<RollupDocument>>().Select(m =>
        new BsonDocument { { "filter", Bson.Render(m.Filter) }, { "update", Bson.Render(m.Update) }, { "upsert", m.IsUpsert } }));
}
