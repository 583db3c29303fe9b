using Feedback.Core.Common;

namespace Feedback.Core.Tests.Common;

public sealed class PageCursorTests
{
    [Theory]
    [InlineData("tpl_01a207d9210071a78d3c719831c8b632")]
    [InlineData("key_bootstrap")]
    [InlineData("a")]
    [InlineData("žluťoučký kůň / ?&=+")]
    public void EncodedCursorDecodesToTheSameKey(string key)
    {
        var cursor = PageCursor.Encode(key);

        Assert.True(PageCursor.TryDecode(cursor, out var decoded));
        Assert.Equal(key, decoded);
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingCursorMeansTheFirstPage(string? cursor)
    {
        Assert.True(PageCursor.TryDecode(cursor, out var after));
        Assert.Null(after);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("not a cursor")]
    [InlineData("!!!!")]
    [InlineData("abc$")]
    [InlineData("A")]
    [InlineData("dHBs+w")]
    [InlineData("dHBs/w")]
    public void GarbageIsRefused(string cursor)
    {
        Assert.False(PageCursor.TryDecode(cursor, out var after));
        Assert.Null(after);
    }

    [Fact]
    public void OverlongCursorIsRefused()
    {
        var cursor = PageCursor.Encode(new string('x', 900));

        Assert.True(cursor.Length > 1000);
        Assert.False(PageCursor.TryDecode(cursor, out _));
    }
}
