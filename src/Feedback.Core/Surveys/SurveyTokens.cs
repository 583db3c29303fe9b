using System.Buffers.Text;
using System.Security.Cryptography;

namespace Feedback.Core.Surveys;

/// <summary>Tokens of the customer pages: 192 random bits, URL-safe base64 (32 characters).</summary>
public static class SurveyTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
}
