using Feedback.Core.Storage;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// ITemplateStore: single templates, their versions and compare-and-set replacement.
public abstract partial class TemplateStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task CreatedTemplateReadsBackWithEveryField()
    {
        var template = SampleTemplate();

        await Templates.CreateAsync(template);

        AssertSameTemplate(template, await Templates.GetAsync(template.Id));
        AssertSameTemplate(template, await Templates.GetVersionAsync(template.Id, 1));
    }

    [Fact]
    public async Task MinimalTemplateReadsBackWithItsNullsAndEmptyLists()
    {
        var template = SampleTemplate(trigger: null) with
        {
            CancelOn = [],
            ReminderAfter = null,
            QuietPeriod = null,
            SendWindow = null,
            Content = new Dictionary<string, LocaleContent> { ["he"] = new("סקר", "מה דעתך?") },
            DefaultLocale = "he",
        };

        await Templates.CreateAsync(template);

        AssertSameTemplate(template, await Templates.GetAsync(template.Id));
    }

    [Fact]
    public async Task UnknownTemplateIsNullAndHasNoVersions()
    {
        var known = SampleTemplate();
        await Templates.CreateAsync(known);

        Assert.Null(await Templates.GetAsync("tpl_unknown"));
        Assert.Null(await Templates.GetVersionAsync("tpl_unknown", 1));
        Assert.Null(await Templates.GetVersionAsync(known.Id, 2));
        Assert.Empty(await Templates.ListVersionsAsync("tpl_unknown"));
    }

    [Fact]
    public async Task CreatingAnExistingTemplateIdThrowsDuplicateKey()
    {
        var template = SampleTemplate();
        await Templates.CreateAsync(template);

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Templates.CreateAsync(template with { Name = "Impostor" }));

        AssertSameTemplate(template, await Templates.GetAsync(template.Id));
        Assert.Single(await Templates.ListVersionsAsync(template.Id));
    }

    [Fact]
    public async Task ReplaceStoresANewVersionAndKeepsTheOldOnes()
    {
        var v1 = SampleTemplate();
        await Templates.CreateAsync(v1);
        var v2 = NextVersion(v1, name: "Renamed") with { Trigger = "order.delivered", CancelOn = ["order.returned"] };
        var v3 = NextVersion(v2, name: "Renamed again");

        Assert.True(await Templates.ReplaceAsync(v2, expectedVersion: 1));
        Assert.True(await Templates.ReplaceAsync(v3, expectedVersion: 2));

        AssertSameTemplate(v3, await Templates.GetAsync(v1.Id));
        AssertSameTemplate(v1, await Templates.GetVersionAsync(v1.Id, 1));
        AssertSameTemplate(v2, await Templates.GetVersionAsync(v1.Id, 2));
        var versions = await Templates.ListVersionsAsync(v1.Id);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        AssertSameTemplate(v2, versions[1]);
    }

    [Fact]
    public async Task ReplaceFailsWhenVersionIsStale()
    {
        var v1 = SampleTemplate();
        await Templates.CreateAsync(v1);
        var v2 = NextVersion(v1, name: "First writer");
        Assert.True(await Templates.ReplaceAsync(v2, expectedVersion: 1));

        var stale = NextVersion(v1, name: "Second writer");
        var replaced = await Templates.ReplaceAsync(stale, expectedVersion: 1);

        Assert.False(replaced);
        AssertSameTemplate(v2, await Templates.GetAsync(v1.Id));
        Assert.Equal(["Post-resolution CSAT", "First writer"], (await Templates.ListVersionsAsync(v1.Id)).Select(v => v.Name));
    }

    [Fact]
    public async Task ReplaceOfAnUnknownTemplateFailsAndCreatesNothing()
    {
        var never = SampleTemplate() with { Version = 2 };

        Assert.False(await Templates.ReplaceAsync(never, expectedVersion: 1));

        Assert.Null(await Templates.GetAsync(never.Id));
        Assert.Empty(await Templates.ListVersionsAsync(never.Id));
    }

    [Fact]
    public async Task ReplaceRejectsAVersionThatDoesNotFollowTheExpectedOne()
    {
        var v1 = SampleTemplate();
        await Templates.CreateAsync(v1);

        await Assert.ThrowsAsync<ArgumentException>(() => Templates.ReplaceAsync(v1 with { Version = 3 }, expectedVersion: 1));

        AssertSameTemplate(v1, await Templates.GetAsync(v1.Id));
    }

    [Fact]
    public async Task ReplaceStoresTheArchivedStatus()
    {
        var archived = await CreateArchivedAsync(SampleTemplate());

        AssertSameTemplate(archived, await Templates.GetAsync(archived.Id));
        Assert.Equal(TemplateStatus.Active, (await Templates.GetVersionAsync(archived.Id, 1))?.Status);
    }

    [Fact]
    public async Task ConcurrentReplacesOfOneVersionLetExactlyOneWin()
    {
        var v1 = SampleTemplate();
        await Templates.CreateAsync(v1);
        var writers = Enumerable.Range(1, 8).Select(i => NextVersion(v1, name: $"Writer {i}")).ToList();

        var results = await Task.WhenAll(writers.Select(w => Task.Run(() => Templates.ReplaceAsync(w, expectedVersion: 1))));

        var winner = Assert.Single(writers.Where((_, i) => results[i]));
        AssertSameTemplate(winner, await Templates.GetAsync(v1.Id));
        Assert.Equal(2, (await Templates.ListVersionsAsync(v1.Id)).Count);
    }
}
