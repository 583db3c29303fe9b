using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// IEventStore: an event id is recorded once with its outcome and surveys; a repeat gets the first outcome back.
public abstract class EventStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task RecordKeepsTheLinkOfALinkSurveyAndTheNoEmailSkip()
    {
        var e = SampleEvent("evt-link");
        var survey = SampleSurvey("tpl_web", e.SubjectId) with
        {
            EventId = e.Id,
            Delivery = Core.Templates.SurveyDelivery.Link,
            Status = SurveyStatus.Sent,
            SentAt = Time.GetUtcNow(),
            ExpiresAt = Time.GetUtcNow().AddDays(3),
        };
        var outcome = new EventOutcome(e.Id, [ScheduledSurvey.From(survey)], [new SkippedTemplate("tpl_mail", SkipReason.NoEmail)], []);

        var recorded = await Events.RecordAsync(e, outcome, [survey], Time.GetUtcNow());

        Assert.Equal(new SurveyLink(survey.Token, survey.Kind), Assert.Single(recorded.Surveys).Link);
        AssertSameOutcome(outcome, await Events.GetOutcomeAsync(e.Id));
        AssertSameSurvey(survey, await Surveys.GetAsync(survey.Id));
    }

    [Fact]
    public async Task UnknownEventIdHasNoOutcome()
    {
        var known = SampleEvent("evt-1");
        await Events.RecordAsync(known, OutcomeOf(known, []), [], Time.GetUtcNow());

        Assert.Null(await Events.GetOutcomeAsync("evt-2"));
        // Event ids are compared exactly.
        Assert.Null(await Events.GetOutcomeAsync("EVT-1"));
    }

    [Fact]
    public async Task RecordStoresTheOutcomeAndTheSurveysOfTheEvent()
    {
        var e = SampleEvent("evt-1");
        Survey[] surveys = [SampleSurvey("tpl_a", e.SubjectId) with { EventId = e.Id }, SampleSurvey("tpl_b", e.SubjectId) with { EventId = e.Id }];
        var outcome = OutcomeOf(e, surveys,
            new SkippedTemplate("tpl_c", SkipReason.QuietPeriod), new SkippedTemplate("tpl_d", SkipReason.SampledOut),
            new SkippedTemplate("tpl_e", SkipReason.Suppressed)) with { Cancelled = ["srv_0195a1b2c3d4", "srv_0195a1b2c3d5"] };

        var recorded = await Events.RecordAsync(e, outcome, surveys, Time.GetUtcNow());

        AssertSameOutcome(outcome, recorded);
        AssertSameOutcome(outcome, await Events.GetOutcomeAsync(e.Id));
        foreach (var survey in surveys)
        {
            AssertSameSurvey(survey, await Surveys.GetAsync(survey.Id));
            AssertSameSurvey(survey, await Surveys.GetByTokenAsync(survey.Token));
        }
    }

    [Fact]
    public async Task RecordingAKnownEventIdReturnsTheFirstOutcomeAndStoresNothing()
    {
        var e = SampleEvent("evt-1");
        var first = SampleSurvey("tpl_a", e.SubjectId);
        var firstOutcome = await Events.RecordAsync(e, OutcomeOf(e, [first]), [first], Time.GetUtcNow());
        var repeat = SampleSurvey("tpl_b", e.SubjectId);

        var repeatOutcome = await Events.RecordAsync(e, OutcomeOf(e, [repeat]), [repeat], Time.GetUtcNow().AddMinutes(1));

        AssertSameOutcome(OutcomeOf(e, [first]), firstOutcome);
        AssertSameOutcome(firstOutcome, repeatOutcome);
        AssertSameOutcome(firstOutcome, await Events.GetOutcomeAsync(e.Id));
        Assert.Null(await Surveys.GetAsync(repeat.Id));
        Assert.Equal([first.Id], (await Surveys.ListAsync(new())).Items.Select(s => s.Id));
    }

    [Fact]
    public async Task SurveysWhoseDedupeKeyIsTakenAreSkippedAsDuplicates()
    {
        var e = SampleEvent("evt-1");
        var existing = SampleSentSurvey(Time.GetUtcNow(), null, Time.GetUtcNow().AddDays(14), "tpl_a") with { SubjectId = e.SubjectId };
        await AddSurveysAsync(existing);
        var clash = SampleSurvey("tpl_a", e.SubjectId) with { EventId = e.Id };
        var fresh = SampleSurvey("tpl_b", e.SubjectId) with { EventId = e.Id };
        var outcome = OutcomeOf(e, [clash, fresh], new SkippedTemplate("tpl_c", SkipReason.QuietPeriod));

        var recorded = await Events.RecordAsync(e, outcome, [clash, fresh], Time.GetUtcNow());

        var expected = OutcomeOf(e, [fresh], new SkippedTemplate("tpl_c", SkipReason.QuietPeriod), new SkippedTemplate("tpl_a", SkipReason.Duplicate));
        AssertSameOutcome(expected, recorded);
        AssertSameOutcome(expected, await Events.GetOutcomeAsync(e.Id));
        Assert.Null(await Surveys.GetAsync(clash.Id));
        AssertSameSurvey(fresh, await Surveys.GetAsync(fresh.Id));
        AssertSameSurvey(existing, await Surveys.GetAsync(existing.Id));
    }

    [Fact]
    public async Task RecordManyStoresEachEventAsRecordWouldAndAnswersInOrder()
    {
        var known = SampleEvent("evt-known");
        var first = SampleSurvey("tpl_a", known.SubjectId) with { EventId = known.Id };
        await Events.RecordAsync(known, OutcomeOf(known, [first]), [first], Time.GetUtcNow());
        var plain = SampleEvent("evt-plain");
        var plainSurvey = SampleSurvey("tpl_a", plain.SubjectId) with { EventId = plain.Id };
        var repeat = SampleSurvey("tpl_b", known.SubjectId) with { EventId = known.Id };
        var clashing = SampleEvent("evt-clash");
        var existing = SampleSentSurvey(Time.GetUtcNow(), null, Time.GetUtcNow().AddDays(14), "tpl_a") with { SubjectId = clashing.SubjectId };
        await AddSurveysAsync(existing);
        var clash = SampleSurvey("tpl_a", clashing.SubjectId) with { EventId = clashing.Id };
        var fresh = SampleSurvey("tpl_b", clashing.SubjectId) with { EventId = clashing.Id };
        var nothing = SampleEvent("evt-nothing");

        var recorded = await Events.RecordManyAsync(
        [
            new PlannedEvent(plain, OutcomeOf(plain, [plainSurvey]), [plainSurvey]),
            new PlannedEvent(known, OutcomeOf(known, [repeat]), [repeat]),
            new PlannedEvent(clashing, OutcomeOf(clashing, [clash, fresh]), [clash, fresh]),
            new PlannedEvent(nothing, OutcomeOf(nothing, [], new SkippedTemplate("tpl_a", SkipReason.SampledOut)), []),
        ], Time.GetUtcNow());

        var clashOutcome = OutcomeOf(clashing, [fresh], new SkippedTemplate("tpl_a", SkipReason.Duplicate));
        Assert.Equal(4, recorded.Count);
        AssertSameOutcome(OutcomeOf(plain, [plainSurvey]), recorded[0]);
        AssertSameOutcome(OutcomeOf(known, [first]), recorded[1]);
        AssertSameOutcome(clashOutcome, recorded[2]);
        AssertSameOutcome(OutcomeOf(nothing, [], new SkippedTemplate("tpl_a", SkipReason.SampledOut)), recorded[3]);
        AssertSameOutcome(OutcomeOf(plain, [plainSurvey]), await Events.GetOutcomeAsync(plain.Id));
        AssertSameOutcome(OutcomeOf(known, [first]), await Events.GetOutcomeAsync(known.Id));
        AssertSameOutcome(clashOutcome, await Events.GetOutcomeAsync(clashing.Id));
        Assert.NotNull(await Events.GetOutcomeAsync(nothing.Id));
        AssertSameSurvey(plainSurvey, await Surveys.GetAsync(plainSurvey.Id));
        AssertSameSurvey(fresh, await Surveys.GetAsync(fresh.Id));
        Assert.Null(await Surveys.GetAsync(repeat.Id));
        Assert.Null(await Surveys.GetAsync(clash.Id));
    }

    [Fact]
    public async Task GetOutcomesAnswersTheKnownIdsOnly()
    {
        var first = SampleEvent("evt-1");
        var second = SampleEvent("evt-2");
        var survey = SampleSurvey("tpl_a", first.SubjectId) with { EventId = first.Id };
        await Events.RecordAsync(first, OutcomeOf(first, [survey]), [survey], Time.GetUtcNow());
        await Events.RecordAsync(second, OutcomeOf(second, []), [], Time.GetUtcNow());

        var outcomes = await Events.GetOutcomesAsync(["evt-1", "evt-2", "evt-3", "EVT-1"]);

        Assert.Equal(["evt-1", "evt-2"], outcomes.Keys.Order());
        AssertSameOutcome(OutcomeOf(first, [survey]), outcomes["evt-1"]);
        AssertSameOutcome(OutcomeOf(second, []), outcomes["evt-2"]);
    }

    [Fact]
    public async Task RecordManyOfNothingStoresNothing()
    {
        Assert.Empty(await Events.RecordManyAsync([], Time.GetUtcNow()));
        Assert.Empty((await Surveys.ListAsync(new())).Items);
    }

    [Fact]
    public async Task ConcurrentRecordsOfOneEventIdLetExactlyOneWin()
    {
        var e = SampleEvent("evt-1");
        // Each contender plans a survey of its own template, so no dedupe key can hide a second write.
        var contenders = Enumerable.Range(0, 10).Select(i => SampleSurvey($"tpl_{i}", e.SubjectId) with { EventId = e.Id }).ToList();

        var outcomes = await Task.WhenAll(contenders.Select(survey =>
            Task.Run(() => Events.RecordAsync(e, OutcomeOf(e, [survey]), [survey], Time.GetUtcNow()))));

        var winner = Assert.Single(contenders, s => s.Id == Assert.Single(outcomes[0].Surveys).Id);
        Assert.All(outcomes, outcome => AssertSameOutcome(OutcomeOf(e, [winner]), outcome));
        AssertSameOutcome(OutcomeOf(e, [winner]), await Events.GetOutcomeAsync(e.Id));
        AssertSameSurvey(winner, Assert.Single((await Surveys.ListAsync(new(SubjectId: e.SubjectId))).Items));
    }

    [Fact]
    public async Task PurgeForgetsEventsReceivedBeforeTheCutSoTheirIdsCanBeRecordedAgain()
    {
        var cut = Time.GetUtcNow();
        var old = SampleEvent("evt-old");
        var justBefore = SampleEvent("evt-just-before");
        var atTheCut = SampleEvent("evt-at-the-cut");
        var oldSurvey = SampleSurvey("tpl_a", old.SubjectId);
        await Events.RecordAsync(old, OutcomeOf(old, [oldSurvey]), [oldSurvey], cut.AddDays(-8));
        await Events.RecordAsync(justBefore, OutcomeOf(justBefore, []), [], cut.AddMilliseconds(-1));
        await Events.RecordAsync(atTheCut, OutcomeOf(atTheCut, []), [], cut);

        var purged = await Events.PurgeAsync(cut);

        Assert.Equal(2, purged);
        Assert.Null(await Events.GetOutcomeAsync(old.Id));
        Assert.Null(await Events.GetOutcomeAsync(justBefore.Id));
        AssertSameOutcome(OutcomeOf(atTheCut, []), await Events.GetOutcomeAsync(atTheCut.Id));
        // Only the idempotency record goes; the event's surveys stay.
        AssertSameSurvey(oldSurvey, await Surveys.GetAsync(oldSurvey.Id));
        var again = SampleSurvey("tpl_b", old.SubjectId);
        AssertSameOutcome(OutcomeOf(old, [again]), await Events.RecordAsync(old, OutcomeOf(old, [again]), [again], cut.AddMinutes(1)));
        AssertSameSurvey(again, await Surveys.GetAsync(again.Id));
    }

    private FeedbackEvent SampleEvent(string id) => new(
        id,
        "ticket.resolved",
        Time.GetUtcNow().AddMinutes(-5),
        $"ticket-of-{id}",
        new Customer("cus_dana", "cus_dana@example.co.il", "דנה כהן", "he-IL", "Asia/Jerusalem"),
        new Dictionary<string, string> { ["channel"] = "email" });

    /// <summary>The outcome the scheduler would record for <paramref name="surveys"/> and <paramref name="skipped"/>, cancelling nothing.</summary>
    private static EventOutcome OutcomeOf(FeedbackEvent e, IEnumerable<Survey> surveys, params SkippedTemplate[] skipped) =>
        new(e.Id, surveys.Select(s => new ScheduledSurvey(s.Id, s.TemplateId, s.Status, s.SendAt)).ToList(), skipped, []);

    /// <summary>Outcomes compare by value; the order of the skipped templates is not part of the contract.</summary>
    private static void AssertSameOutcome(EventOutcome expected, EventOutcome? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.Surveys, actual.Surveys);
        Assert.Equal(
            expected.Skipped.OrderBy(s => s.TemplateId, StringComparer.Ordinal).ThenBy(s => s.Reason),
            actual.Skipped.OrderBy(s => s.TemplateId, StringComparer.Ordinal).ThenBy(s => s.Reason));
        Assert.Equal(expected.Cancelled, actual.Cancelled);
    }
}
