using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Auth;
using Feedback.Core.Common;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.ApiKeys;

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/api-keys")
            .WithFeedbackErrors()
            .RequireAuthorization(Scopes.Admin)
            .WithTags("API keys");

        group.MapPost("/", CreateAsync)
            .WithName("createApiKey")
            .WithSummary("Create an API key; the secret is returned once.");

        group.MapGet("/", ListAsync)
            .WithName("listApiKeys")
            .WithSummary("List API keys (without secrets), revoked ones included.");

        group.MapGet("/{id}", GetAsync)
            .WithName("getApiKey")
            .WithSummary("Get an API key (without its secret), revoked or not.")
            .ProducesProblems(404);

        group.MapDelete("/{id}", RevokeAsync)
            .WithName("revokeApiKey")
            .WithSummary("Revoke an API key.")
            .ProducesProblems(404);

        return app;
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateAsync(
        JsonBody<CreateApiKeyRequest> body, IApiKeyStore keys, TimeProvider time, CancellationToken ct)
    {
        var (request, errors) = (body.Value, body.Errors);
        errors.AddRange(request.Validate());
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var secret = ApiKeySecrets.Generate();
        var key = new ApiKey(Ids.New("key", time), request.Name!.Trim(), request.Scopes!.Distinct().ToArray(), ApiKeySecrets.Hash(secret), time.GetUtcNow());
        await keys.CreateAsync(key, ct);
        return TypedResults.Created($"/v1/api-keys/{key.Id}", new CreatedApiKeyResponse(key.Id, key.Name, key.Scopes, key.CreatedAt, secret));
    }

    public static async Task<Ok<ApiKeyListResponse>> ListAsync(IApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok(new ApiKeyListResponse((await keys.ListAsync(ct)).Select(ApiKeyResponse.From).ToList()));

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> GetAsync(string id, IApiKeyStore keys, CancellationToken ct) =>
        await keys.GetAsync(id, ct) is { } key ? TypedResults.Ok(ApiKeyResponse.From(key)) : Problems.NotFound($"API key '{id}' does not exist.");

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, IApiKeyStore keys, VerifiedApiKeys verified, TimeProvider time, CancellationToken ct)
    {
        if (await keys.GetAsync(id, ct) is null)
        {
            return Problems.NotFound($"API key '{id}' does not exist.");
        }
        await keys.RevokeAsync(id, time.GetUtcNow(), ct);
        verified.Forget();
        return TypedResults.NoContent();
    }
}
