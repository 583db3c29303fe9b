using Feedback.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Tests.Queries;

public sealed class IndexTests
{
    [Fact]
    public void SurveysAreIndexedForClaimsLeasesRemindersExpiryQuietPeriodsCancellationAndRetention()
    {
        Bson.AssertEqual("""
            [{ key: { token: 1 }, unique: true },
             { key: { dedupeKey: 1 }, unique: true, partialFilterExpression: { dedupeKey: { $exists: true } } },
             { key: { sendAt: 1 }, partialFilterExpression: { status: 'Scheduled' } },
             { key: { leaseUntil: 1 }, partialFilterExpression: { status: 'Sending' } },
             { key: { reminderSentAt: 1, reminderAt: 1 }, partialFilterExpression: { status: 'Sent' } },
             { key: { expiresAt: 1 }, partialFilterExpression: { status: 'Sent' } },
             { key: { customerId: 1, templateId: 1, sendAt: 1 } },
             { key: { subjectId: 1 }, partialFilterExpression: { status: 'Scheduled' } },
             { key: { templateId: 1 }, partialFilterExpression: { status: 'Scheduled' } },
             { key: { status: 1, createdAt: 1 } }]
            """, Describe(MongoSurveyQueries.Indexes));
    }

    [Fact]
    public void EachStatusScopedSurveyQueryNamesTheStatusItsPartialIndexHolds()
    {
        var now = DateTimeOffset.Parse("2026-12-01T10:00:00Z");

        Assert.Equal("Scheduled", Bson.Render(MongoOutboxQueries.Due(now))["status"].AsString);
        Assert.Equal("Sending", Bson.Render(MongoOutboxQueries.LeaseExpired(now))["status"].AsString);
        Assert.Equal("Sent", Bson.Render(MongoOutboxQueries.ReminderDue(now))["status"].AsString);
        Assert.Equal("Sent", Bson.Render(MongoOutboxQueries.Expirable(now))["status"].AsString);
        Assert.Equal("Scheduled", Bson.Render(MongoOutboxQueries.ScheduledOfSubject("ticket-1", null))["status"].AsString);
        Assert.Equal("Scheduled", Bson.Render(MongoOutboxQueries.ScheduledOfTemplate("tpl_a"))["status"].AsString);
    }

    [Fact]
    public void TheReplacedWholeCollectionSurveyIndexesAreDroppedByTheirDefaultNames()
    {
        Assert.Equal(
            ["status_1_sendAt_1", "status_1_leaseUntil_1", "status_1_reminderSentAt_1_reminderAt_1", "status_1_expiresAt_1",
             "subjectId_1_status_1", "templateId_1_status_1"],
            MongoSurveyQueries.RetiredIndexes);
        var current = MongoSurveyQueries.Indexes.Select(i => string.Join('_', Bson.Render(i.Keys).Elements.Select(e => $"{e.Name}_{e.Value}")));
        Assert.Empty(current.Intersect(MongoSurveyQueries.RetiredIndexes));
    }

    [Fact]
    public void TemplatesAreIndexedByTriggerAndCancelOnAndVersionsUniquelyByTemplateAndVersion()
    {
        Bson.AssertEqual("[{ key: { trigger: 1, status: 1 } }, { key: { cancelOn: 1, status: 1 } }]", Describe(MongoTemplateQueries.Indexes));
        Bson.AssertEqual("[{ key: { templateId: 1, version: 1 }, unique: true }]", Describe(MongoTemplateQueries.VersionIndexes));
    }

    [Fact]
    public void ApiKeySecretHashesAreUnique()
    {
        Bson.AssertEqual("[{ key: { secretHash: 1 }, unique: true }]", Describe(MongoApiKeyQueries.Indexes));
    }

    [Fact]
    public void EventsAreIndexedForThePurgeJobWithoutATtl()
    {
        Bson.AssertEqual("[{ key: { receivedAt: 1 } }]", Describe(MongoEventQueries.Indexes));
    }

    [Fact]
    public void ResponsesAreIndexedForListOrderTemplateTimeRangesIncrementalPullsCustomersAndPendingFollowUps()
    {
        Bson.AssertEqual("""
            [{ key: { answeredAt: 1, _id: 1 } }, { key: { templateId: 1, answeredAt: 1, _id: 1 } }, { key: { updatedAt: 1 } },
             { key: { customerId: 1 } }, { key: { 'pendingFollowUp.key': 1 }, sparse: true }]
            """,
            Describe(MongoResponseQueries.Indexes));
    }

    [Fact]
    public void FollowUpsAreUniquePerResponseAndIndexedForListsTheOverdueJobStatsAndErasure()
    {
        Bson.AssertEqual("""
            [{ key: { responseId: 1 }, unique: true }, { key: { status: 1, _id: 1 } }, { key: { overdue: 1, dueAt: 1 } },
             { key: { templateId: 1, createdAt: 1 } }, { key: { customerId: 1 } }]
            """,
            Describe(MongoFollowUpQueries.Indexes));
    }

    [Fact]
    public void WebhookSubscriptionsAreIndexedByEventAndDeliveriesForClaimsLogsAndErasure()
    {
        Bson.AssertEqual("[{ key: { events: 1 } }]", Describe(MongoWebhookQueries.SubscriptionIndexes));
        Bson.AssertEqual("[{ key: { status: 1, nextAttemptAt: 1 } }, { key: { subscriptionId: 1, _id: 1 } }, { key: { customerId: 1 } }]",
            Describe(MongoWebhookQueries.DeliveryIndexes));
    }

    [Fact]
    public void ReadinessPingIsThePingCommand()
    {
        Bson.AssertEqual("{ ping: 1 }", MongoStorageLifecycle.PingCommand);
    }

    /// <summary>Each index as the server would list it: its keys and only the options that are set (so a TTL would show).</summary>
    private static BsonArray Describe<T>(IEnumerable<CreateIndexModel<T>> indexes) => new(indexes.Select(index =>
    {
        var description = new BsonDocument("key", Bson.Render(index.Keys));
        var options = index.Options ?? new CreateIndexOptions();
        description.AddRange(new BsonDocument
        {
            { "unique", options.Unique, options.Unique is not null },
            { "sparse", options.Sparse, options.Sparse is not null },
            { "expireAfterSeconds", () => options.ExpireAfter!.Value.TotalSeconds, options.ExpireAfter is not null },
            { "name", options.Name, options.Name is not null },
        });
        if (options is CreateIndexOptions<T> { PartialFilterExpression: { } partial })
        {
            description.Add("partialFilterExpression", Bson.Render(partial));
        }
        return description;
    }));
}
