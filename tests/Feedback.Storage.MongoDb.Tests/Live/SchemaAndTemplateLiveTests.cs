using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;
using Feedback.Storage.MongoDb.Queries;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Tests.Live;

public sealed class SchemaAndTemplateLiveTests : LiveMongoTest
{
    [Fact]
    public async Task StartUpCreatesEveryDeclaredIndexAndNoTtl()
    {
        var indexes = await (await Db.Surveys.Indexes.ListAsync()).ToListAsync();

        var keys = indexes.Select(i => i["key"].AsBsonDocument).ToList();
        Assert.All(MongoSurveyQueries.Indexes, declared => Assert.Contains(Bson.Render(declared.Keys), keys));
        var dedupe = indexes.Single(i => i["key"] == new BsonDocument("dedupeKey", 1));
        Assert.True(dedupe["unique"].ToBoolean());
        Bson.AssertEqual("{ dedupeKey: { $exists: true } }", dedupe["partialFilterExpression"]);
        Assert.DoesNotContain(indexes, i => i.Contains("expireAfterSeconds"));
        var collections = await (await Db.Database.ListCollectionNamesAsync()).ToListAsync();
        Assert.Superset(new HashSet<string> { "templates", "templateVersions", "apiKeys", "surveys", "events", "suppressions" }, collections.ToHashSet());
    }

    [Fact]
    public async Task TwoReplicasStartingAtOnceBothSucceed()
    {
        await Task.WhenAll(Enumerable.Range(1, 2).Select(n => Replica(n).GetRequiredService<IStorageLifecycle>().InitializeAsync()));

        await Replica(1).GetRequiredService<IStorageLifecycle>().PingAsync();
    }

    [Fact]
    public async Task VersionLeftOutByACrashIsStillReadAndIsKeptByTheNextReplace()
    {
        var v1 = Template(1);
        await Templates.CreateAsync(v1);
        // A replace that died after the compare-and-set, before writing templateVersions.
        await Db.Templates.ReplaceOneAsync(MongoTemplateQueries.AtVersion(v1.Id, 1), TemplateDocument.From(Template(2)));

        Assert.Equal([1, 2], (await Templates.ListVersionsAsync(v1.Id)).Select(t => t.Version));
        Assert.Equal("Version 2", (await Templates.GetVersionAsync(v1.Id, 2))?.Name);

        Assert.True(await Templates.ReplaceAsync(Template(3), expectedVersion: 2));

        Assert.Equal(3, await Db.TemplateVersions.CountDocumentsAsync(MongoTemplateQueries.VersionsOf(v1.Id)));
        Assert.Equal([1, 2, 3], (await Templates.ListVersionsAsync(v1.Id)).Select(t => t.Version));
    }

    private static SurveyTemplate Template(int version) => new()
    {
        Id = "tpl_live",
        Version = version,
        Status = TemplateStatus.Active,
        Name = $"Version {version}",
        Kind = SurveyKind.Nps,
        DefaultLocale = "en",
        Content = new Dictionary<string, LocaleContent> { ["en"] = new("Subject", "Question") },
        CreatedAt = Now,
        UpdatedAt = Now.AddMinutes(version),
    };
}
