using Feedback.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Core.Tests.Common;

public sealed class IdsTests
{
    [Fact]
    public void IdsSortInCreationOrder()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(Ids.New("tpl", time));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.StartsWith("tpl_", id));
    }
}
