using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Queries;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class TemplateAndKeyQueryTests
{
    [Fact]
    public void ReplaceIsACompareAndSetOnTheVersion()
    {
        Bson.AssertEqual("{ _id: 'tpl_1', version: 2 }", Bson.Render(MongoTemplateQueries.AtVersion("tpl_1", 2)));
    }

    [Fact]
    public void TemplateListFiltersByStatusAfterTheCursorInIdOrder()
    {
        Bson.AssertEqual("{ status: 'Active', _id: { $gt: 'tpl_3' } }", Bson.Render(MongoTemplateQueries.List(new TemplateQuery(TemplateStatus.Active, "tpl_3"))));
        Bson.AssertEqual("{ }", Bson.Render(MongoTemplateQueries.List(new TemplateQuery(Status: null))));
        Bson.AssertEqual("{ _id: 1 }", Bson.Render(MongoTemplateQueries.ById()));
    }

    [Fact]
    public void TriggerAndCancelOnLookUpsMatchActiveTemplatesOnly()
    {
        Bson.AssertEqual("{ trigger: 'ticket.resolved', status: 'Active' }", Bson.Render(MongoTemplateQueries.ActiveByTrigger("ticket.resolved")));
        Bson.AssertEqual("{ cancelOn: 'ticket.reopened', status: 'Active' }", Bson.Render(MongoTemplateQueries.ActiveCancelledBy("ticket.reopened")));
    }

    [Fact]
    public void VersionsAreFoundByCompositeIdOrListedByTemplateOldestFirst()
    {
        Bson.AssertEqual("{ _id: 'tpl_1@2' }", Bson.Render(MongoTemplateQueries.Version("tpl_1", 2)));
        Bson.AssertEqual("{ templateId: 'tpl_1' }", Bson.Render(MongoTemplateQueries.VersionsOf("tpl_1")));
        Bson.AssertEqual("{ version: 1 }", Bson.Render(MongoTemplateQueries.OldestVersionFirst()));
    }

    [Fact]
    public void OnlyAnActiveKeyCanBeRevoked()
    {
        Bson.AssertEqual("{ _id: 'key_1', revokedAt: null }", Bson.Render(MongoApiKeyQueries.Active("key_1")));
        Bson.AssertEqual("{ $set: { revokedAt: ISODate('2026-11-23T10:00:00.123Z') } }", Bson.Render(MongoApiKeyQueries.Revoke(Samples.Now)));
    }

    [Fact]
    public void ActiveAdminMeansNotRevokedWithTheAdminScope()
    {
        Bson.AssertEqual("{ revokedAt: null, scopes: 'Admin' }", Bson.Render(MongoApiKeyQueries.ActiveAdmin()));
    }

    [Fact]
    public void KeysAreFoundBySecretHashAndListedOldestFirst()
    {
        Bson.AssertEqual("{ secretHash: 'abc' }", Bson.Render(MongoApiKeyQueries.BySecretHash("abc")));
        Bson.AssertEqual("{ createdAt: 1, _id: 1 }", Bson.Render(MongoApiKeyQueries.OldestFirst()));
    }
}
