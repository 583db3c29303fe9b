namespace Feedback.Storage.Sqlite;

/// <summary>
/// Where a column sits in a row type's column list (<c>"id, name, …"</c>, the one list its SELECT and RETURNING clauses
/// use). Each row type looks its ordinals up by name once, into static fields of a nested <c>Column</c> class, so its
/// reader names what it reads and pays nothing per row; a query of a single value reads ordinal 0.
/// </summary>
internal static class SqliteColumns
{
    /// <summary>The ordinal of <paramref name="name"/> in <paramref name="columns"/>; a name not there fails as the row type loads.</summary>
    public static int Ordinal(string columns, string name)
    {
        var ordinal = Array.IndexOf(columns.Split(',', StringSplitOptions.TrimEntries), name);
        return ordinal >= 0 ? ordinal : throw new ArgumentException($"No column '{name}' in \"{columns}\".", nameof(name));
    }
}
