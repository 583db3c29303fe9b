namespace Feedback.Api.Features.Templates;

/// <summary>RFC 9110 If-Match with strong comparison: absent or <c>*</c> allows; otherwise one listed tag must equal the current one.</summary>
public static class IfMatch
{
    public static bool Allows(HttpRequest request, string currentETag)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }
        return Tags(request).Any(tag => tag == "*" || tag == currentETag);
    }

    /// <summary>
    /// Why <see cref="Allows"/> refused: an unquoted tag (<c>If-Match: 2</c>, an easy slip since the version is a number)
    /// is named as such rather than reported as a change of the template.
    /// </summary>
    public static string RefusalDetail(HttpRequest request, string currentETag, string resource = "template") =>
        Tags(request).FirstOrDefault(tag => tag != "*" && !tag.EndsWith('"')) is { } unquoted
            ? $"If-Match takes entity tags in quotes, as the ETag header gives them: \"{unquoted}\", not {unquoted}."
            : $"The {resource} has changed: its ETag is now {currentETag}.";

    private static IEnumerable<string> Tags(HttpRequest request) =>
        request.Headers.IfMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
