using Feedback.Core.Auth;

namespace Feedback.Api.Hosting.Auth;

/// <summary>Authorization policy names, one per scope; <c>admin</c> satisfies every policy.</summary>
public static class Scopes
{
    public const string Admin = "admin";
    public const string Ingest = "ingest";
    public const string Read = "read";

    public const string ClaimType = "scope";

    public static string Name(ApiScope scope) => scope switch
    {
        ApiScope.Admin => Admin,
        ApiScope.Ingest => Ingest,
        ApiScope.Read => Read,
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };
}
