using Feedback.Core.Common;
using Feedback.Core.Storage;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// ITemplateStore: the paged list and the trigger lookup that event ingestion uses.
public abstract partial class TemplateStoreContract<TAdapter>
{
    [Fact]
    public async Task ListPagesByCursorWithoutGapsOrRepeats()
    {
        // Ten templates, three of them archived, stored newest first so the order must come from the ids.
        var samples = Enumerable.Range(0, 10).Select(_ => SampleTemplate()).ToList();
        foreach (var (template, index) in samples.Select((t, i) => (t, i)).Reverse())
        {
            if (index % 3 == 2)
            {
                await CreateArchivedAsync(template);
            }
            else
            {
                await Templates.CreateAsync(template);
            }
        }
        var expected = samples.Where((_, i) => i % 3 != 2).Select(t => t.Id).ToList();

        var pages = await ReadAllPagesAsync(TemplateStatus.Active, limit: 3);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task ListOfExactlyFullPagesEndsWithoutACursor()
    {
        Assert.Equal([0], (await ReadAllPagesAsync(TemplateStatus.Active, limit: 3)).Select(p => p.Count));

        foreach (var template in Enumerable.Range(0, 6).Select(_ => SampleTemplate()))
        {
            await Templates.CreateAsync(template);
        }

        Assert.Equal([3, 3], (await ReadAllPagesAsync(TemplateStatus.Active, limit: 3)).Select(p => p.Count));
    }

    [Fact]
    public async Task ListFiltersByStatus()
    {
        var active = SampleTemplate();
        await Templates.CreateAsync(active);
        var archived = await CreateArchivedAsync(SampleTemplate());
        var alsoActive = SampleTemplate();
        await Templates.CreateAsync(alsoActive);

        var activeOnly = await Templates.ListAsync(new TemplateQuery(TemplateStatus.Active));
        var archivedOnly = await Templates.ListAsync(new TemplateQuery(TemplateStatus.Archived));
        var all = await Templates.ListAsync(new TemplateQuery(Status: null));

        Assert.Equal([active.Id, alsoActive.Id], activeOnly.Items.Select(t => t.Id));
        AssertSameTemplate(archived, Assert.Single(archivedOnly.Items));
        Assert.Equal([active.Id, archived.Id, alsoActive.Id], all.Items.Select(t => t.Id));
        Assert.All([activeOnly, archivedOnly, all], page => Assert.Null(page.NextCursor));
    }

    [Fact]
    public async Task ListActiveByTriggerIgnoresArchivedAndOtherTriggers()
    {
        var first = SampleTemplate("ticket.resolved");
        var second = SampleTemplate("ticket.resolved");
        await Templates.CreateAsync(first);
        await Templates.CreateAsync(second);
        await CreateArchivedAsync(SampleTemplate("ticket.resolved"));
        await Templates.CreateAsync(SampleTemplate("order.delivered"));
        // Event types are matched exactly: a different case is a different trigger.
        await Templates.CreateAsync(SampleTemplate("Ticket.Resolved"));
        await Templates.CreateAsync(SampleTemplate(trigger: null));

        var matches = await Templates.ListActiveByTriggerAsync("ticket.resolved");

        Assert.Equal([first.Id, second.Id], matches.Select(t => t.Id).Order(StringComparer.Ordinal));
        AssertSameTemplate(first, matches.Single(t => t.Id == first.Id));
        Assert.Empty(await Templates.ListActiveByTriggerAsync("ticket.reopened"));
    }

    [Fact]
    public async Task ListActiveByTriggerFollowsATriggerChange()
    {
        var v1 = SampleTemplate("ticket.resolved");
        await Templates.CreateAsync(v1);

        Assert.True(await Templates.ReplaceAsync(NextVersion(v1) with { Trigger = "order.delivered" }, expectedVersion: 1));

        Assert.Empty(await Templates.ListActiveByTriggerAsync("ticket.resolved"));
        Assert.Equal(2, Assert.Single(await Templates.ListActiveByTriggerAsync("order.delivered")).Version);
    }

    [Fact]
    public async Task ListActiveCancelledByFindsActiveTemplatesWhoseCancelOnListsTheType()
    {
        var both = SampleTemplate();
        var mergedOnly = SampleTemplate() with { CancelOn = ["ticket.merged"] };
        var none = SampleTemplate() with { CancelOn = [] };
        var otherCase = SampleTemplate() with { CancelOn = ["Ticket.Reopened"] };
        foreach (var template in new[] { both, mergedOnly, none, otherCase })
        {
            await Templates.CreateAsync(template);
        }
        await CreateArchivedAsync(SampleTemplate());

        var reopened = await Templates.ListActiveCancelledByAsync("ticket.reopened");
        var merged = await Templates.ListActiveCancelledByAsync("ticket.merged");

        AssertSameTemplate(both, Assert.Single(reopened));
        Assert.Equal([both.Id, mergedOnly.Id], merged.Select(t => t.Id).Order(StringComparer.Ordinal));
        // The trigger is not a cancelOn type.
        Assert.Empty(await Templates.ListActiveCancelledByAsync("ticket.resolved"));
    }

    /// <summary>Follows the cursors from the first page to the last and returns the ids of each page.</summary>
    private async Task<List<List<string>>> ReadAllPagesAsync(TemplateStatus? status, int limit)
    {
        var pages = new List<List<string>>();
        string? after = null;
        // The bound turns a cursor that never ends into a failure instead of a hang.
        while (pages.Count < 20)
        {
            var page = await Templates.ListAsync(new TemplateQuery(status, after, limit));
            pages.Add(page.Items.Select(t => t.Id).ToList());
            if (page.NextCursor is null)
            {
                return pages;
            }
            Assert.True(PageCursor.TryDecode(page.NextCursor, out after), $"'{page.NextCursor}' is not a cursor");
        }
        Assert.Fail($"Paging did not end after {pages.Count} pages.");
        return pages;
    }
}
