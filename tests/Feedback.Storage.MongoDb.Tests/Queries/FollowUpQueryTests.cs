using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Feedback.Storage.MongoDb.Queries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class FollowUpQueryTests
{
    [Fact]
    public void ListRendersEveryFilterAfterTheCursor()
    {
        var query = new FollowUpQuery { Status = FollowUpStatus.InProgress, TemplateId = "tpl_1", Assignee = "maria", Overdue = true, After = "fup_1" };

        Bson.AssertEqual("{ _id: { $gt: 'fup_1' }, status: 'InProgress', templateId: 'tpl_1', assignee: 'maria', overdue: true }",
            Bson.Render(MongoFollowUpQueries.List(query)));
    }

    [Fact]
    public void EmptyListQueryMatchesEverything()
    {
        Bson.AssertEqual("{ }", Bson.Render(MongoFollowUpQueries.List(new FollowUpQuery())));
    }

    [Fact]
    public void DueMatchesUnmarkedUnresolvedFollowUpsPastTheirDueTime()
    {
        Bson.AssertEqual("{ dueAt: { $lte: ISODate('2026-11-23T10:00:00.123Z') }, status: { $ne: 'Resolved' }, overdue: false }",
            Bson.Render(MongoFollowUpQueries.Due(Samples.Now)));
    }

    [Fact]
    public void StatsBoundTheCreationTime()
    {
        Bson.AssertEqual("{ templateId: 'tpl_1', createdAt: { $gte: ISODate('2026-11-23T10:00:00.123Z'), $lt: ISODate('2026-11-24T10:00:00.123Z') } }",
            Bson.Render(MongoFollowUpQueries.Stats(new FollowUpStatsQuery("tpl_1", Samples.Now, Samples.Now.AddDays(1)))));
    }

    [Fact]
    public void ReplaceIsACompareAndSetOnTheVersion()
    {
        Bson.AssertEqual("{ _id: 'fup_1', version: 3 }", Bson.Render(MongoFollowUpQueries.AtVersion("fup_1", 3)));
    }

    [Fact]
    public void AppliedPendingChangeIsRemovedOnlyWhileItIsStillTheResponses()
    {
        Bson.AssertEqual("{ _id: 'rsp_1', 'pendingFollowUp.key': 'k1' }", Bson.Render(MongoResponseQueries.PendingFollowUp("rsp_1", "k1")));
        Bson.AssertEqual("{ $unset: { pendingFollowUp: 1 } }", Bson.Render(MongoResponseQueries.FollowUpApplied()));
        Bson.AssertEqual("{ pendingFollowUp: { $exists: true } }", Bson.Render(MongoResponseQueries.WithPendingFollowUp()));
    }
}
