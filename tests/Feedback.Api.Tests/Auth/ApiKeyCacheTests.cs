using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Auth;

/// <summary>
/// Verified keys are kept per replica for <see cref="VerifiedApiKeys.Ttl"/>: a revocation is seen at once by the replica
/// that revoked, and by another replica (a second service on the same database) once that bound has passed.
/// </summary>
public sealed class ApiKeyCacheTests : TwoReplicas
{
    [Fact]
    public async Task KeyRevokedOnAnotherReplicaIsRefusedHereOnceTheBoundHasPassed()
    {
        using var admin = await First.CreateClientAsync(ApiScope.Admin);
        var created = (await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "shop", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonObject>())!;
        using var onFirst = First.CreateClient((string)created["key"]!);
        using var onSecond = Second.CreateClient((string)created["key"]!);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/v1/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/v1/templates")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/api-keys/{created["id"]}")).StatusCode);

        await ProblemAssert.IsProblemAsync(await onFirst.GetAsync("/v1/templates"), HttpStatusCode.Unauthorized);
        Second.Time.Advance(VerifiedApiKeys.Ttl - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/v1/templates")).StatusCode);
        Second.Time.Advance(TimeSpan.FromSeconds(1));
        await ProblemAssert.IsProblemAsync(await onSecond.GetAsync("/v1/templates"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task NewKeyWorksAtOnceAndAnUnknownOneIsNeverKept()
    {
        using var admin = await First.CreateClientAsync(ApiScope.Admin);
        using var unknown = Second.CreateClient("fbk_not-a-key");
        await ProblemAssert.IsProblemAsync(await unknown.GetAsync("/v1/templates"), HttpStatusCode.Unauthorized);

        var created = (await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "shop", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonObject>())!;

        using var onSecond = Second.CreateClient((string)created["key"]!);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/v1/templates")).StatusCode);
    }
}
