using Feedback.Core.Scoring;
using Feedback.Storage.MongoDb.Documents;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

/// <summary>The database and its typed collections, over the one <see cref="IMongoClient"/> of the process.</summary>
internal sealed class MongoCollections
{
    public const string TemplatesName = "templates";
    public const string TemplateVersionsName = "templateVersions";
    public const string ApiKeysName = "apiKeys";
    public const string SurveysName = "surveys";
    public const string EventsName = "events";
    public const string SuppressionsName = "suppressions";
    public const string ResponsesName = "responses";
    public const string RollupsName = "score_rollups";
    public const string FollowUpsName = "followUps";
    public const string WebhookSubscriptionsName = "webhookSubscriptions";
    public const string WebhookDeliveriesName = "webhookDeliveries";

    public MongoCollections(IMongoClient client, IOptions<MongoStorageOptions> options, RollupPairs? pairs = null)
    {
        Pairs = pairs ?? RollupPairs.None;
        MongoConventions.Register();
        Database = client.GetDatabase(options.Value.Database);
        Templates = Database.GetCollection<TemplateDocument>(TemplatesName);
        TemplateVersions = Database.GetCollection<TemplateVersionDocument>(TemplateVersionsName);
        ApiKeys = Database.GetCollection<ApiKeyDocument>(ApiKeysName);
        Surveys = Database.GetCollection<SurveyDocument>(SurveysName);
        Events = Database.GetCollection<EventDocument>(EventsName);
        Suppressions = Database.GetCollection<SuppressionDocument>(SuppressionsName);
        Responses = Database.GetCollection<ResponseDocument>(ResponsesName);
        Rollups = Database.GetCollection<RollupDocument>(RollupsName);
        FollowUps = Database.GetCollection<FollowUpDocument>(FollowUpsName);
        WebhookSubscriptions = Database.GetCollection<WebhookSubscriptionDocument>(WebhookSubscriptionsName);
        WebhookDeliveries = Database.GetCollection<WebhookDeliveryDocument>(WebhookDeliveriesName);
    }

    /// <summary>The properties whose pairs every rollup write and rebuild counts (<see cref="RollupPairs"/>).</summary>
    public RollupPairs Pairs { get; }

    public IMongoDatabase Database { get; }
    public IMongoCollection<TemplateDocument> Templates { get; }
    public IMongoCollection<TemplateVersionDocument> TemplateVersions { get; }
    public IMongoCollection<ApiKeyDocument> ApiKeys { get; }
    public IMongoCollection<SurveyDocument> Surveys { get; }
    public IMongoCollection<EventDocument> Events { get; }
    public IMongoCollection<SuppressionDocument> Suppressions { get; }
    public IMongoCollection<ResponseDocument> Responses { get; }
    public IMongoCollection<RollupDocument> Rollups { get; }
    public IMongoCollection<FollowUpDocument> FollowUps { get; }
    public IMongoCollection<WebhookSubscriptionDocument> WebhookSubscriptions { get; }
    public IMongoCollection<WebhookDeliveryDocument> WebhookDeliveries { get; }
}
