using static Feedback.Storage.MongoDb.Queries.MongoErasureQueries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class ErasureQueryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void ErasureCancelsOnlyTheCustomersScheduledSurveys() =>
        Bson.AssertEqual("{ customerId: 'c-17', status: 'Scheduled' }", Bson.Render(ScheduledOf("c-17")));

    [Fact]
    public void SurveysToEraseAreTheCustomersThatStillHoldTheAddressOrTheName() =>
        Bson.AssertEqual(
            "{ customerId: 'c-17', $or: [ { 'customer.email': { $ne: 'erased@invalid' } }, { 'customer.name': { $ne: null } } ] }",
            Bson.Render(NotErasedOf("c-17")));

    [Fact]
    public void EachSurveyIsErasedOnlyIfItStillHoldsSomething() =>
        Bson.AssertEqual(
            "{ _id: 'srv_1', $or: [ { 'customer.email': { $ne: 'erased@invalid' } }, { 'customer.name': { $ne: null } } ] }",
            Bson.Render(NotErased("srv_1")));

    [Fact]
    public void ErasingASurveyReplacesTheAddressDropsTheNameAndReplacesTheToken() =>
        Bson.AssertEqual(
            "{ $set: { 'customer.email': 'erased@invalid', token: 'new-token' }, $unset: { 'customer.name': 1 } }",
            Bson.Render(EraseSurvey("new-token")));

    [Fact]
    public void ResponsesToEraseAreTheCustomersThatStillHaveAComment() =>
        Bson.AssertEqual("{ customerId: 'c-17', comment: { $ne: null } }", Bson.Render(CommentedOf("c-17")));

    [Fact]
    public void ErasingAResponseDropsTheCommentAndMovesUpdatedAt() =>
        Bson.AssertEqual(
            "{ $unset: { comment: 1 }, $set: { hasComment: false, updatedAt: ISODate('2026-11-23T10:00:00.123Z') } }",
            Bson.Render(EraseComment(At)));
}
