using Feedback.Core.Common;
using Feedback.Core.Storage;

namespace Feedback.Storage.Contract;

// ISuppressionStore: one suppression per address, the first reason kept, listed by address.
public abstract class SuppressionStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task SuppressedAmongAnswersTheSuppressedAddressesOfTheSetOnly()
    {
        await Suppressions.AddAsync(SampleSuppression("dana@example.co.il"));
        await Suppressions.AddAsync(SampleSuppression("jan@example.sk"));

        var suppressed = await Suppressions.SuppressedAmongAsync(["dana@example.co.il", "ana@example.pl"]);

        Assert.Equal(["dana@example.co.il"], suppressed);
    }

    [Fact]
    public async Task AddedSuppressionReadsBackAndAddingItAgainKeepsTheFirst()
    {
        var first = SampleSuppression("dana@example.co.il", "bounce");
        var second = SampleSuppression("dana@example.co.il", "spam report") with { Source = "api" };

        var added = await Suppressions.AddAsync(first);
        var addedAgain = await Suppressions.AddAsync(second);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(first, await Suppressions.GetAsync("dana@example.co.il"));
        Assert.Single((await Suppressions.ListAsync(null, 10)).Items);
    }

    [Fact]
    public async Task UnknownAddressIsNotSuppressed()
    {
        await Suppressions.AddAsync(SampleSuppression("dana@example.co.il"));

        Assert.Null(await Suppressions.GetAsync("dan@example.co.il"));
        Assert.Null(await Suppressions.GetAsync("dana@example.co"));
    }

    [Fact]
    public async Task RemoveLiftsTheSuppressionOnce()
    {
        var suppression = SampleSuppression("dana@example.co.il");
        var other = SampleSuppression("zoe@example.com");
        await Suppressions.AddAsync(suppression);
        await Suppressions.AddAsync(other);

        var removed = await Suppressions.RemoveAsync(suppression.Email);
        var removedAgain = await Suppressions.RemoveAsync(suppression.Email);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await Suppressions.GetAsync(suppression.Email));
        Assert.Equal(other, await Suppressions.GetAsync(other.Email));
        var renewed = SampleSuppression(suppression.Email, "unsubscribed");
        Assert.True(await Suppressions.AddAsync(renewed));
        Assert.Equal(renewed, await Suppressions.GetAsync(suppression.Email));
    }

    [Fact]
    public async Task SuppressionListIsOrderedByEmailAndPagedByCursorWithoutGapsOrRepeats()
    {
        // Ordinal order: '+' and '.' sort before '@' and letters, which a culture-aware sort would ignore.
        string[] emails =
        [
            "zoe@example.com", "aaron@example.com", "a.novak@example.sk", "bob@example.org",
            "aaron+news@example.com", "dana.cohen@example.co.il", "aaron.b@example.com",
        ];
        var samples = new List<Suppression>();
        foreach (var email in emails)
        {
            samples.Add(SampleSuppression(email));
            await Suppressions.AddAsync(samples[^1]);
        }

        var pages = await ReadAllSuppressionPagesAsync(limit: 3);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(samples.OrderBy(s => s.Email, StringComparer.Ordinal), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task SuppressionListOfExactlyFullPagesEndsWithoutACursor()
    {
        Assert.Equal([0], (await ReadAllSuppressionPagesAsync(limit: 2)).Select(p => p.Count));

        foreach (var email in new[] { "a@example.com", "b@example.com", "c@example.com", "d@example.com" })
        {
            await Suppressions.AddAsync(SampleSuppression(email));
        }

        Assert.Equal([2, 2], (await ReadAllSuppressionPagesAsync(limit: 2)).Select(p => p.Count));
    }

    /// <summary>A suppression of an already normalized address, each one a millisecond after the last.</summary>
    private Suppression SampleSuppression(string email, string reason = "bounce")
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return new Suppression(email, reason, "sendgrid", Time.GetUtcNow());
    }

    private async Task<List<List<Suppression>>> ReadAllSuppressionPagesAsync(int limit)
    {
        var pages = new List<List<Suppression>>();
        string? after = null;
        // The bound turns a cursor that never ends into a failure instead of a hang.
        while (pages.Count < 20)
        {
            var page = await Suppressions.ListAsync(after, limit);
            pages.Add([.. page.Items]);
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
