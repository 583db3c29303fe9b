using Feedback.Core.Storage;
using Feedback.Core.Surveys;

namespace Feedback.Storage.Contract;

// IResponseStore: erasing a customer removes the comments of their answers, and nothing else.
public abstract partial class ResponseStoreContract<TAdapter>
{
    [Fact]
    public async Task ErasingResponsesRemovesCommentsButKeepsScoresAndCounts()
    {
        var commented = SampleResponse(score: 2);
        var silent = SampleResponse(score: 5, comment: null);
        await AddResponsesAsync(commented, silent);
        Time.Advance(TimeSpan.FromMinutes(1));
        var at = Time.GetUtcNow();

        Assert.Equal(1, await Responses.EraseCustomerAsync("cus_dana", at));

        AssertSameResponse(commented with { Comment = null, UpdatedAt = at }, await Responses.GetAsync(commented.Id));
        AssertSameResponse(silent, await Responses.GetAsync(silent.Id));
        Assert.Empty((await Responses.ListAsync(new ResponseQuery { HasComment = true })).Items);
        Assert.Equal(2, (await Responses.ListAsync(new ResponseQuery { CustomerId = "cus_dana" })).Items.Count);
    }
}
