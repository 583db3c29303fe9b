using System.Security.Cryptography;
using System.Text;

namespace Feedback.Core.Auth;

/// <summary>Generates key secrets (256 random bits) and hashes them for storage and lookup.</summary>
public static class ApiKeySecrets
{
    public const string Prefix = "fbk_";

    public static string Generate() =>
        Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // Secrets are 256 random bits, so a fast unsalted hash cannot be brute-forced; it also makes the hash a lookup key.
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
