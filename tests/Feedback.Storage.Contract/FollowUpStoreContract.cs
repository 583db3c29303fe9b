using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// IFollowUpStore, and the follow-ups the response store opens in the answer's step: once per response.
public abstract class FollowUpStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    private static readonly FollowUpPolicy AtMostTwo = new(2, IsoDuration.Parse("PT24H"));

    private static FollowUpSource Source(Survey survey) => new(AtMostTwo, survey.Customer);

    [Fact]
    public async Task LowAnswerOpensOneFollowUpWithEveryFieldReadBack()
    {
        var survey = await AddSentSurveyAsync();

        var (stored, _, opened) = await Responses.AnswerSurveyAsync(
            SampleAnswer(survey, 1, "Nikto sa neozval.") with { Reasons = ["slow_response"] }, followUp: Source(survey));

        Assert.NotNull(opened);
        Assert.StartsWith("fup_", opened.Id, StringComparison.Ordinal);
        Assert.Equal((stored.Id, 1, "Nikto sa neozval.", FollowUpStatus.Open), (opened.ResponseId, opened.Score, opened.Comment, opened.Status));
        Assert.Equal(stored.UpdatedAt + TimeSpan.FromHours(24), opened.DueAt);
        Assert.Equal(["slow_response"], opened.Reasons);
        Assert.Equal(survey.Customer with { TimeZone = null }, opened.Customer);
        AssertSame(opened, await FollowUps.GetAsync(opened.Id));
        AssertSame(opened, await FollowUps.GetByResponseAsync(stored.Id));
    }

    [Fact]
    public async Task SecondClickAndChangedAnswerInRangeOpenNoSecondButKeepTheAnswerCurrent()
    {
        var survey = await AddSentSurveyAsync();
        var (_, _, opened) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, null), followUp: Source(survey));

        var (_, _, again) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, null), keepComment: true, followUp: Source(survey));
        var (_, _, changed) = await Responses.AnswerSurveyAsync(
            SampleAnswer(survey, 2, "Still waiting") with { Reasons = ["rude"] }, followUp: Source(survey));

        Assert.Null(again);
        Assert.Null(changed);
        var only = Assert.Single((await FollowUps.ListAsync(new FollowUpQuery())).Items);
        Assert.Equal((opened!.Id, 2, "Still waiting"), (only.Id, only.Score, only.Comment));
        Assert.Equal(["rude"], only.Reasons);
        Assert.Contains("from 1 to 2", Assert.Single(only.Notes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerChangedIntoRangeOpensOneAndOutOfRangeOnlyAddsANote()
    {
        var survey = await AddSentSurveyAsync();
        var (_, _, high) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 5, null), followUp: Source(survey));
        Assert.Null(high);

        var (_, _, low) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null), followUp: Source(survey));
        var (_, _, backUp) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 4, null), followUp: Source(survey));

        Assert.NotNull(low);
        Assert.Null(backUp);
        var stored = await FollowUps.GetAsync(low.Id);
        Assert.Equal((FollowUpStatus.Open, 4), (stored!.Status, stored.Score));
        Assert.Contains("above followUp.maxScore", stored.Notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalAnswerOpensOneOnTheFirstCallOnly()
    {
        var response = SampleResponse(score: 1);
        var source = new FollowUpSource(AtMostTwo, new Customer(response.CustomerId, null, Locale: "he"));

        var first = await Responses.AddExternalAsync(response, source);
        var repeat = await Responses.AddExternalAsync(response, source);

        Assert.NotNull(first.Opened);
        Assert.Null(repeat.Opened);
        Assert.Equal(first.Opened.Id, Assert.Single((await FollowUps.ListAsync(new FollowUpQuery())).Items).Id);
    }

    [Fact]
    public async Task NoPolicyOrHighScoreOpensNothing()
    {
        var survey = await AddSentSurveyAsync();

        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, null), followUp: new FollowUpSource(null, survey.Customer));
        await Responses.AddExternalAsync(SampleResponse(score: 5), new FollowUpSource(AtMostTwo, new Customer("cus_dana", null)));

        Assert.Empty((await FollowUps.ListAsync(new FollowUpQuery())).Items);
    }

    [Fact]
    public async Task ListFiltersAndPagesInCreationOrder()
    {
        var opened = new List<FollowUp>();
        for (var i = 0; i < 3; i++)
        {
            opened.Add((await Responses.AddExternalAsync(SampleResponse(score: 1), new FollowUpSource(AtMostTwo, new Customer("cus_dana", null)))).Opened!);
        }
        Assert.True(await FollowUps.ReplaceAsync(opened[1] with { Assignee = "maria", Status = FollowUpStatus.InProgress, Version = 2 }, 1));

        var first = await FollowUps.ListAsync(new FollowUpQuery { Limit = 2 });
        var rest = await FollowUps.ListAsync(new FollowUpQuery { Limit = 2, After = first.Items[^1].Id });

        Assert.Equal(opened.Select(f => f.Id), first.Items.Concat(rest.Items).Select(f => f.Id));
        Assert.NotNull(first.NextCursor);
        Assert.Null(rest.NextCursor);
        Assert.Equal(opened[1].Id, Assert.Single((await FollowUps.ListAsync(new FollowUpQuery { Assignee = "maria" })).Items).Id);
        Assert.Equal(opened[1].Id, Assert.Single((await FollowUps.ListAsync(new FollowUpQuery { Status = FollowUpStatus.InProgress })).Items).Id);
        Assert.Equal(2, (await FollowUps.ListAsync(new FollowUpQuery { Status = FollowUpStatus.Open, TemplateId = "tpl_csat" })).Items.Count);
        Assert.Empty((await FollowUps.ListAsync(new FollowUpQuery { TemplateId = "tpl_other" })).Items);
    }

    [Fact]
    public async Task ReplaceIsACompareAndSetOnTheVersion()
    {
        var opened = (await Responses.AddExternalAsync(SampleResponse(score: 1), new FollowUpSource(AtMostTwo, new Customer("cus_dana", null)))).Opened!;

        Assert.True(await FollowUps.ReplaceAsync(opened with { Assignee = "maria", Version = 2 }, 1));
        Assert.False(await FollowUps.ReplaceAsync(opened with { Assignee = "jan", Version = 2 }, 1));

        Assert.Equal(("maria", 2), ((await FollowUps.GetAsync(opened.Id))!.Assignee, (await FollowUps.GetAsync(opened.Id))!.Version));
    }

    [Fact]
    public async Task OverdueIsMarkedOnceAndNeverForResolvedOnes()
    {
        var source = new FollowUpSource(AtMostTwo, new Customer("cus_dana", null));
        var late = (await Responses.AddExternalAsync(SampleResponse(score: 1), source)).Opened!;
        var resolved = (await Responses.AddExternalAsync(SampleResponse(score: 1), source)).Opened!;
        Assert.True(await FollowUps.ReplaceAsync(resolved with { Status = FollowUpStatus.Resolved, ResolvedAt = Time.GetUtcNow(), Version = 2 }, 1));
        Assert.Empty(await FollowUps.MarkOverdueAsync(Time.GetUtcNow(), 10));

        Time.Advance(TimeSpan.FromHours(25));
        var marked = await FollowUps.MarkOverdueAsync(Time.GetUtcNow(), 10);
        var again = await FollowUps.MarkOverdueAsync(Time.GetUtcNow(), 10);

        Assert.Equal(late.Id, Assert.Single(marked).Id);
        Assert.Empty(again);
        Assert.True((await FollowUps.GetAsync(late.Id))!.Overdue);
        Assert.Equal(late.Id, Assert.Single((await FollowUps.ListAsync(new FollowUpQuery { Overdue = true })).Items).Id);
        Assert.Equal((1L, 1L), await FollowUps.CountUnresolvedAsync());
    }

    [Fact]
    public async Task StatsStreamTheFollowUpsCreatedInThePeriod()
    {
        var source = new FollowUpSource(AtMostTwo, new Customer("cus_dana", null));
        var before = (await Responses.AddExternalAsync(SampleResponse(score: 1), source)).Opened!;
        Time.Advance(TimeSpan.FromDays(1));
        var from = Time.GetUtcNow();
        var inside = (await Responses.AddExternalAsync(SampleResponse(score: 1), source)).Opened!;

        var streamed = await FollowUps.StreamAsync(new FollowUpStatsQuery("tpl_csat", from, from.AddDays(1))).ToListAsync();

        Assert.Equal(inside.Id, Assert.Single(streamed).Id);
        Assert.Equal(2, (await FollowUps.StreamAsync(new FollowUpStatsQuery(null, null, null)).ToListAsync()).Count);
        Assert.NotEqual(before.Id, inside.Id);
    }

    [Fact]
    public async Task ErasureBlanksTheCustomerAndTheComment()
    {
        var survey = await AddSentSurveyAsync();
        var (_, _, opened) = await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, "Call me on 0905 123 456"), followUp: Source(survey));

        var erased = await FollowUps.EraseCustomerAsync(survey.Customer.Id, Time.GetUtcNow());
        var repeat = await FollowUps.EraseCustomerAsync(survey.Customer.Id, Time.GetUtcNow());

        Assert.Equal((1, 0), (erased, repeat));
        var blank = (await FollowUps.GetAsync(opened!.Id))!;
        Assert.Null(blank.Comment);
        Assert.Null(blank.Customer.Name);
        Assert.Equal(Erasure.Email, blank.Customer.Email);
        Assert.Equal(1, blank.Score);
    }

    [Fact]
    public async Task NothingIsLeftPendingAfterAnAnswer()
    {
        var survey = await AddSentSurveyAsync();
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 1, null), followUp: Source(survey));

        Assert.Equal(0, await FollowUps.FinishPendingAsync());
    }

    private static void AssertSame(FollowUp expected, FollowUp? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected with { Properties = NoProperties, Notes = [], Reasons = [] }, actual with { Properties = NoProperties, Notes = [], Reasons = [] });
    }
}
