using Feedback.Core.Common;

namespace Feedback.Api.Hosting.Errors;

/// <summary>The <c>cursor</c> and <c>limit</c> query parameters every list takes.</summary>
public static class Paging
{
    /// <summary>Adds errors for a bad limit or cursor; returns the decoded cursor (the key to continue after).</summary>
    public static string? Validate(string? cursor, int limit, ValidationErrors errors)
    {
        if (limit is < 1 or > PageCursor.MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {PageCursor.MaxLimit}");
        }
        if (!PageCursor.TryDecode(cursor, out var after))
        {
            errors.Add("cursor", "is not a cursor returned by this list");
        }
        return after;
    }
}
