using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Storage.MongoDb.Tests.Live;

/// <summary>
/// What only MongoDB can show (crash windows without transactions, two replicas at once), on a database of the
/// test's own; skipped with the reason when <c>FEEDBACK_TEST_MONGODB</c> is not set.
/// </summary>
public abstract class LiveMongoTest : IAsyncLifetime
{
    private readonly string _database = LiveMongo.NewDatabaseName();
    private readonly List<ServiceProvider> _replicas = [];

    protected static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    internal MongoCollections Db => Replica(0).GetRequiredService<MongoCollections>();

    protected ISurveyStore Surveys => Replica(0).GetRequiredService<ISurveyStore>();

    protected ISurveyOutbox Outbox => Replica(0).GetRequiredService<ISurveyOutbox>();

    protected IEventStore Events => Replica(0).GetRequiredService<IEventStore>();

    protected ITemplateStore Templates => Replica(0).GetRequiredService<ITemplateStore>();

    public async ValueTask InitializeAsync()
    {
        if (LiveMongo.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
        try
        {
            await Replica(0).GetRequiredService<IStorageLifecycle>().InitializeAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        if (_replicas.Count > 0)
        {
            _replicas.Clear();
            await LiveMongo.DropAsync(_database);
        }
    }

    /// <summary>The n-th process on the test's database, each with its own client and connection pool.</summary>
    protected IServiceProvider Replica(int n)
    {
        while (_replicas.Count <= n)
        {
            _replicas.Add(MongoServices.Build(LiveMongo.ConnectionString, _database));
        }
        return _replicas[n];
    }

    protected static Survey NewSurvey(string templateId = "tpl_1", string subjectId = "ticket-42", string customerId = "c-17", DateTimeOffset? sendAt = null) => new()
    {
        Id = Ids.New("srv", TimeProvider.System),
        TemplateId = templateId,
        TemplateVersion = 1,
        Kind = SurveyKind.Csat,
        SubjectId = subjectId,
        Customer = new Customer(customerId, $"{customerId}@example.com"),
        Locale = "en",
        Status = SurveyStatus.Scheduled,
        SendAt = sendAt ?? Now,
        CreatedAt = Now,
        Token = SurveyTokens.New(),
    };

    protected static EventOutcome Planned(string eventId, params Survey[] surveys) =>
        new(eventId, [.. surveys.Select(s => new ScheduledSurvey(s.Id, s.TemplateId, s.Status, s.SendAt))], [], []);

    protected static FeedbackEvent NewEvent(string id) =>
        new(id, "ticket.resolved", Now, "ticket-42", new Customer("c-17", "c-17@example.com"), new Dictionary<string, string>());
}
