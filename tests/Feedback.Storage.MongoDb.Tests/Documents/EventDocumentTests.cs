using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Feedback.Storage.MongoDb.Documents;

namespace Feedback.Storage.MongoDb.Tests.Documents;

public sealed class EventDocumentTests
{
    [Fact]
    public void RecordedEventIsStoredWithPinnedFieldNamesAndTypes()
    {
        var document = new EventDocument
        {
            Id = "helpdesk-ticket-42-resolved", Type = "ticket.resolved", ReceivedAt = Samples.Now, Outcome = EventOutcomeDocument.From(Samples.Outcome()),
        };

        Bson.AssertEqual("""
            { _id: 'helpdesk-ticket-42-resolved', type: 'ticket.resolved', receivedAt: ISODate('2026-11-23T10:00:00.123Z'),
              outcome: {
                surveys: [{ surveyId: 'srv_0193f1c2a0007000a000000000000002', templateId: 'tpl_a', status: 'Scheduled',
                            sendAt: ISODate('2026-11-24T10:00:00.123Z') }],
                skipped: [{ templateId: 'tpl_b', reason: 'QuietPeriod' }, { templateId: 'tpl_c', reason: 'Duplicate' }],
                cancelled: ['srv_0193f1c2a0007000a000000000000009'] } }
            """, Bson.Serialize(document));
    }

    [Fact]
    public void ALinkSurveyOfAnOutcomeKeepsItsTokenAndKindAndTheNoEmailSkipIsNamed()
    {
        var outcome = new EventOutcome("evt-web", [new ScheduledSurvey("srv_1", "tpl_web", SurveyStatus.Sent, Samples.Now, new SurveyLink("tok-1", SurveyKind.Nps))],
            [new SkippedTemplate("tpl_mail", SkipReason.NoEmail)], []);

        var bson = Bson.Serialize(EventOutcomeDocument.From(outcome));

        Bson.AssertEqual("""
            { surveys: [{ surveyId: 'srv_1', templateId: 'tpl_web', status: 'Sent', sendAt: ISODate('2026-11-23T10:00:00.123Z'),
                          token: 'tok-1', kind: 'Nps' }],
              skipped: [{ templateId: 'tpl_mail', reason: 'NoEmail' }], cancelled: [] }
            """, bson);
        Same.Outcome(outcome, Bson.Deserialize<EventOutcomeDocument>(bson).ToOutcome("evt-web"));
    }

    [Fact]
    public void OutcomeSurvivesTheRoundTrip()
    {
        var outcome = Samples.Outcome();

        var back = Bson.RoundTrip(EventOutcomeDocument.From(outcome)).ToOutcome(outcome.EventId);

        Same.Outcome(outcome, back);
    }

    [Fact]
    public void PendingEventCarriesItsWholeIntentAndNoOutcome()
    {
        var survey = Samples.ScheduledSurvey();
        var document = new EventDocument
        {
            Id = "e-1", Type = "order.delivered", ReceivedAt = Samples.Now,
            Pending = new PendingEventDocument { Outcome = EventOutcomeDocument.From(Samples.Outcome()), Surveys = [SurveyDocument.From(survey)] },
        };

        var bson = Bson.Serialize(document);
        var back = Bson.Deserialize<EventDocument>(bson);

        Assert.Equal(["_id", "type", "receivedAt", "pending"], bson.Names);
        Assert.Equal(["outcome", "surveys"], bson["pending"].AsBsonDocument.Names);
        Assert.Equal(Bson.Serialize(SurveyDocument.From(survey)), bson["pending"]["surveys"][0]);
        Assert.Null(back.Outcome);
        Same.Survey(survey, Assert.Single(back.Pending!.Surveys).ToSurvey());
    }

    [Fact]
    public void OutcomeAsStoredHasTheTimesAReplayWillRead()
    {
        var outcome = Samples.Outcome();
        var precise = outcome with { Surveys = [outcome.Surveys[0] with { SendAt = Samples.Now.AddTicks(4_321) }] };

        var stored = EventOutcomeDocument.From(precise).AsStored().ToOutcome(outcome.EventId);

        Assert.Equal(Samples.Now, Assert.Single(stored.Surveys).SendAt);
        Same.Outcome(stored, Bson.RoundTrip(EventOutcomeDocument.From(precise)).ToOutcome(outcome.EventId));
    }
}
