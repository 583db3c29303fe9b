using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting.Auth;

/// <summary>
/// Ensures an admin can get in: the configured <c>Feedback:Auth:AdminKey</c> is stored (hashed) as key
/// <see cref="KeyId"/>; without one, a key is generated on the first start only and printed once.
/// </summary>
public sealed class AdminKeyBootstrap(IApiKeyStore keys, IOptions<AuthOptions> options, TimeProvider time, ILogger<AdminKeyBootstrap> logger)
    : IHostedService
{
    public const string KeyId = "key_bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.AdminKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var existing = await keys.GetAsync(KeyId, cancellationToken);
            await keys.UpsertAsync(NewKey(configured, existing?.CreatedAt), cancellationToken);
            return;
        }
        if (await keys.AnyActiveAdminAsync(cancellationToken))
        {
            return;
        }
        var secret = ApiKeySecrets.Generate();
        await keys.UpsertAsync(NewKey(secret, null), cancellationToken);
        logger.LogWarning("Generated the bootstrap admin API key (shown only this once, stored hashed): {AdminKey}", secret);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private ApiKey NewKey(string secret, DateTimeOffset? createdAt) =>
        new(KeyId, "bootstrap admin", [ApiScope.Admin], ApiKeySecrets.Hash(secret), createdAt ?? time.GetUtcNow());
}
