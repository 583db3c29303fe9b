using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using static Feedback.Storage.MongoDb.Queries.MongoSurveyQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class SurveyQueryTests
{
    [Fact]
    public void LookUpsUseTheIdOrTheToken()
    {
        Bson.AssertEqual("{ _id: 'srv_1' }", Bson.Render(ById("srv_1")));
        Bson.AssertEqual("{ token: 'abc' }", Bson.Render(ByToken("abc")));
        Bson.AssertEqual("{ $or: [{ _id: 'srv_1' }, { token: 'abc' }] }", Bson.Render(ByIdOrToken("srv_1", "abc")));
    }

    [Fact]
    public void ListWithoutFiltersMatchesEverythingInIdOrder()
    {
        Bson.AssertEqual("{ }", Bson.Render(List(new SurveyQuery())));
        Bson.AssertEqual("{ _id: 1 }", Bson.Render(ById()));
    }

    [Fact]
    public void ListCombinesTheGivenFiltersWithTheCursor()
    {
        var query = new SurveyQuery(SurveyStatus.Sent, "tpl_1", "ticket-42", "c-17", After: "srv_9");

        Bson.AssertEqual("{ _id: { $gt: 'srv_9' }, status: 'Sent', templateId: 'tpl_1', subjectId: 'ticket-42', customerId: 'c-17' }",
            Bson.Render(List(query)));
    }

    [Fact]
    public void QuietPeriodCountsSurveysOfTheTemplateThatWereNotCancelledSuppressedOrFailed()
    {
        Bson.AssertEqual("""
            { customerId: 'c-17', templateId: 'tpl_1', sendAt: { $gte: ISODate('2026-10-24T10:00:00.123Z') },
              status: { $nin: ['Cancelled', 'Suppressed', 'Failed'] } }
            """, Bson.Render(SurveyedSince("c-17", "tpl_1", Samples.Now.AddDays(-30))));
    }

    [Fact]
    public void ABatchReadsTheQuietPeriodSurveysOfItsCustomersWithOneFilter()
    {
        Bson.AssertEqual("""
            { templateId: 'tpl_1', customerId: { $in: ['c-17', 'c-18'] }, status: { $nin: ['Cancelled', 'Suppressed', 'Failed'] } }
            """, Bson.Render(InQuietPeriodOf("tpl_1", ["c-17", "c-18"])));
    }

    [Fact]
    public void PendingMeansScheduledOrSending()
    {
        Bson.AssertEqual("{ status: { $in: ['Scheduled', 'Sending'] } }", Bson.Render(Pending()));
    }

    [Fact]
    public void RetentionDeletesOnlyOldSurveysThatEndedUnanswered()
    {
        Bson.AssertEqual("""
            { status: { $in: ['Cancelled', 'Expired', 'Suppressed', 'Failed'] }, createdAt: { $lt: ISODate('2026-11-23T10:00:00.123Z') } }
            """, Bson.Render(Purgeable(Samples.Now)));
    }

    [Fact]
    public void StampIsAPipelineThatKeepsTheFirstReportedTimes()
    {
        var stamp = Stamp(Samples.Now, Samples.Now.AddMinutes(1));

        Bson.AssertEqual("""
            [{ $set: { deliveredAt: { $ifNull: ['$deliveredAt', ISODate('2026-11-23T10:00:00.123Z')] },
                       openedAt: { $ifNull: ['$openedAt', ISODate('2026-11-23T10:01:00.123Z')] } } }]
            """, Bson.Render(stamp!));
    }

    [Fact]
    public void StampTouchesOnlyTheReportedTime()
    {
        Bson.AssertEqual("[{ $set: { openedAt: { $ifNull: ['$openedAt', ISODate('2026-11-23T10:00:00.123Z')] } } }]",
            Bson.Render(Stamp(null, Samples.Now)!));
        Assert.Null(Stamp(null, null));
    }
}
