using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// ISurveyStore: one survey (not cancelled) per template, subject and customer; ids and tokens are unique outright.
public abstract partial class SurveyStoreContract<TAdapter>
{
    [Fact]
    public async Task AddingATakenDedupeKeyReturnsFalseAndStoresNothing()
    {
        var first = SampleSurvey("tpl_a", "ticket-1", "cus_1");
        await AddSurveysAsync(first);
        var clash = SampleSurvey("tpl_a", "ticket-1", "cus_1") with { Locale = "en" };

        var added = await Surveys.TryAddAsync(clash);

        Assert.False(added);
        Assert.Null(await Surveys.GetAsync(clash.Id));
        Assert.Null(await Surveys.GetByTokenAsync(clash.Token));
        AssertSameSurvey(first, await Surveys.GetAsync(first.Id));
    }

    [Fact]
    public async Task AnotherTemplateSubjectOrCustomerIsAnotherDedupeKey()
    {
        await AddSurveysAsync(SampleSurvey("tpl_a", "ticket-1", "cus_1"));

        Assert.True(await Surveys.TryAddAsync(SampleSurvey("tpl_b", "ticket-1", "cus_1")));
        Assert.True(await Surveys.TryAddAsync(SampleSurvey("tpl_a", "ticket-2", "cus_1")));
        Assert.True(await Surveys.TryAddAsync(SampleSurvey("tpl_a", "ticket-1", "cus_2")));
        Assert.Equal(4, (await Surveys.ListAsync(new SurveyQuery())).Items.Count);
    }

    [Theory]
    [InlineData(SurveyStatus.Scheduled)]
    [InlineData(SurveyStatus.Sending)]
    [InlineData(SurveyStatus.Sent)]
    [InlineData(SurveyStatus.Answered)]
    [InlineData(SurveyStatus.Expired)]
    [InlineData(SurveyStatus.Suppressed)]
    [InlineData(SurveyStatus.Failed)]
    public async Task EverySurveyButACancelledOneHoldsItsDedupeKey(SurveyStatus status)
    {
        await AddSurveysAsync(SampleSurvey("tpl_a", "ticket-1", "cus_1") with { Status = status });

        Assert.False(await Surveys.TryAddAsync(SampleSurvey("tpl_a", "ticket-1", "cus_1")));
    }

    [Fact]
    public async Task CancelledSurveysFreeTheirDedupeKeyAndNeverClashWithEachOther()
    {
        var at = Time.GetUtcNow();
        var first = SampleSurvey("tpl_a", "ticket-1", "cus_1");
        var second = SampleSurvey("tpl_a", "ticket-1", "cus_1");
        var third = SampleSurvey("tpl_a", "ticket-1", "cus_1");
        var storedCancelled = SampleSurvey("tpl_a", "ticket-1", "cus_1") with { Status = SurveyStatus.Cancelled, CancelledAt = at };

        await AddSurveysAsync(first);
        Assert.True(await Surveys.CancelAsync(first.Id, at));
        Assert.True(await Surveys.TryAddAsync(second));
        Assert.True(await Surveys.CancelAsync(second.Id, at));
        Assert.True(await Surveys.TryAddAsync(third));
        Assert.True(await Surveys.TryAddAsync(storedCancelled));

        var stored = await Surveys.ListAsync(new SurveyQuery(CustomerId: "cus_1"));
        Assert.Equal([first.Id, second.Id, third.Id, storedCancelled.Id], stored.Items.Select(s => s.Id));
        Assert.Equal(
            [SurveyStatus.Cancelled, SurveyStatus.Cancelled, SurveyStatus.Scheduled, SurveyStatus.Cancelled],
            stored.Items.Select(s => s.Status));
        Assert.False(await Surveys.TryAddAsync(SampleSurvey("tpl_a", "ticket-1", "cus_1")));
    }

    [Fact]
    public async Task AddingATakenIdOrTokenThrowsDuplicateKeyAndStoresNothing()
    {
        var first = SampleSurvey();
        await AddSurveysAsync(first);
        var sameId = SampleSurvey() with { Id = first.Id };
        var sameToken = SampleSurvey() with { Token = first.Token };

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Surveys.TryAddAsync(sameId));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Surveys.TryAddAsync(sameToken));

        AssertSameSurvey(first, await Surveys.GetAsync(first.Id));
        AssertSameSurvey(first, await Surveys.GetByTokenAsync(first.Token));
        Assert.Null(await Surveys.GetAsync(sameToken.Id));
        Assert.Single((await Surveys.ListAsync(new())).Items);
    }
}
