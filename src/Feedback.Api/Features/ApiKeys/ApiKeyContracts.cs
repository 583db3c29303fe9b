using System.ComponentModel;
using Feedback.Core.Auth;
using Feedback.Core.Common;

namespace Feedback.Api.Features.ApiKeys;

[Description("A new API key. `scopes` is any of admin, ingest, read.")]
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<ApiScope>? Scopes)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name", "is required");
        }
        else if (Name.Length > 200)
        {
            errors.Add("name", "must be at most 200 characters");
        }
        if (Scopes is not { Count: > 0 })
        {
            errors.Add("scopes", "must list at least one of admin, ingest, read");
        }
        return errors;
    }
}

[Description("An API key without its secret.")]
public record ApiKeyResponse(string Id, string Name, IReadOnlyList<ApiScope> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(key.Id, key.Name, key.Scopes, key.CreatedAt, key.RevokedAt);
}

[Description("A created API key. `key` is the secret: it is shown only in this response and stored only as a hash.")]
public sealed record CreatedApiKeyResponse(string Id, string Name, IReadOnlyList<ApiScope> Scopes, DateTimeOffset CreatedAt, string Key)
    : ApiKeyResponse(Id, Name, Scopes, CreatedAt, null);

public sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> Items);
