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
        return header.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || tag == currentETag);
    }
}
