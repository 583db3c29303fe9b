namespace Feedback.Storage.Sqlite.Tests;

/// <summary>Row readers find their columns by name in the one column list their queries select.</summary>
public sealed class SqliteColumnsTests
{
    [Theory]
    [InlineData("id", 0)]
    [InlineData("secret_hash", 3)]
    [InlineData("revoked_at", 5)]
    public void OrdinalIsThePositionOfTheNameInTheList(string name, int ordinal)
    {
        Assert.Equal(ordinal, SqliteColumns.Ordinal("id, name, scopes, secret_hash, created_at, revoked_at", name));
    }

    [Fact]
    public void ColumnNotInTheListFailsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => SqliteColumns.Ordinal("id, name", "secret"));

        Assert.Contains("'secret'", error.Message, StringComparison.Ordinal);
    }
}
