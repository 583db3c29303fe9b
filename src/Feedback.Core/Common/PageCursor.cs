using System.Buffers.Text;
using System.Text;

namespace Feedback.Core.Common;

/// <summary>Opaque page cursors: the sort key of the last item of a page, URL-safe base64 encoded.</summary>
public static class PageCursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static bool TryDecode(string? cursor, out string? afterKey)
    {
        afterKey = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        if (cursor.Length > 1000 || !Base64Url.IsValid(cursor))
        {
            return false;
        }
        try
        {
            afterKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
