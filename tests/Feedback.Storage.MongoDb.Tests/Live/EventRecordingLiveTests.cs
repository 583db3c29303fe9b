using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Storage.MongoDb.Documents;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb.Tests.Live;

public sealed class EventRecordingLiveTests : LiveMongoTest
{
    [Fact]
    public async Task RetryAfterACrashFinishesTheStoredIntentInsteadOfItsOwn()
    {
        // The first attempt stored its intent and one of its two surveys, then died.
        var first = new[] { NewSurvey("tpl_1"), NewSurvey("tpl_2") };
        await Db.Events.InsertOneAsync(new EventDocument
        {
            Id = "e-1", Type = "ticket.resolved", ReceivedAt = Now,
            Pending = new PendingEventDocument { Outcome = EventOutcomeDocument.From(Planned("e-1", first)), Surveys = [.. first.Select(SurveyDocument.From)] },
        });
        await Db.Surveys.InsertOneAsync(SurveyDocument.From(first[0]));
        Assert.Null(await Events.GetOutcomeAsync("e-1"));

        var retry = new[] { NewSurvey("tpl_1"), NewSurvey("tpl_2") };
        var outcome = await Events.RecordAsync(NewEvent("e-1"), Planned("e-1", retry), retry, Now.AddMinutes(1));

        Assert.Equal(first.Select(s => s.Id), outcome.Surveys.Select(s => s.Id));
        Assert.Empty(outcome.Skipped);
        var stored = await Surveys.ListAsync(new SurveyQuery(SubjectId: "ticket-42"));
        Assert.Equal(first.Select(s => s.Id).Order(StringComparer.Ordinal), stored.Items.Select(s => s.Id));
        Same.Outcome(outcome, (await Events.GetOutcomeAsync("e-1"))!);
    }

    [Fact]
    public async Task ConcurrentDuplicatesFromTwoReplicasStoreOneSurveyAndGiveOneAnswer()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => (Events: Replica(i % 2).GetRequiredService<IEventStore>(), Survey: NewSurvey())).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(a => Task.Run(() => a.Events.RecordAsync(NewEvent("e-2"), Planned("e-2", a.Survey), [a.Survey], Now))));

        var stored = Assert.Single((await Surveys.ListAsync(new SurveyQuery(SubjectId: "ticket-42"))).Items);
        Assert.All(outcomes, o => Assert.Equal(stored.Id, Assert.Single(o.Surveys).Id));
        Assert.All(outcomes, o => Assert.Empty(o.Skipped));
    }

    [Fact]
    public async Task SurveyWhoseDedupeKeyIsLiveBecomesADuplicateSkip()
    {
        var live = NewSurvey("tpl_1");
        Assert.True(await Surveys.TryAddAsync(live));
        var again = NewSurvey("tpl_1");
        var other = NewSurvey("tpl_2");

        var outcome = await Events.RecordAsync(NewEvent("e-3"), Planned("e-3", again, other), [again, other], Now);

        Assert.Equal([other.Id], outcome.Surveys.Select(s => s.Id));
        Assert.Equal([new SkippedTemplate("tpl_1", SkipReason.Duplicate)], outcome.Skipped);
        Assert.Null(await Surveys.GetAsync(again.Id));
        Assert.NotNull(await Surveys.GetAsync(other.Id));
    }

    [Fact]
    public async Task RecordedOutcomeKeepsTimesToTheMillisecondAsTheFirstAnswerDid()
    {
        var survey = NewSurvey(sendAt: Now.AddTicks(12_345));

        var first = await Events.RecordAsync(NewEvent("e-4"), Planned("e-4", survey), [survey], Now);
        var replay = await Events.RecordAsync(NewEvent("e-4"), Planned("e-4"), [], Now);

        Assert.Equal(Now.AddMilliseconds(1), Assert.Single(first.Surveys).SendAt);
        Same.Outcome(first, replay);
        Assert.Equal(Now.AddMilliseconds(1), (await Surveys.GetAsync(survey.Id))!.SendAt);
    }
}
