using Feedback.Core.Auth;
using Feedback.Core.Storage;

namespace Feedback.Storage.Contract;

// IApiKeyStore: keys are found by the hash of their secret, revoked at most once, and the bootstrap key is upserted.
public abstract class ApiKeyStoreContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    [Fact]
    public async Task CreatedKeyReadsBackByIdAndBySecretHash()
    {
        var key = SampleKey(ApiScope.Read, ApiScope.Ingest);

        await ApiKeys.CreateAsync(key);

        AssertSameKey(key, await ApiKeys.GetAsync(key.Id));
        AssertSameKey(key, await ApiKeys.FindBySecretHashAsync(key.SecretHash));
    }

    [Fact]
    public async Task UnknownKeyIsNull()
    {
        await ApiKeys.CreateAsync(SampleKey(ApiScope.Admin));

        Assert.Null(await ApiKeys.GetAsync("key_unknown"));
        Assert.Null(await ApiKeys.FindBySecretHashAsync(ApiKeySecrets.Hash("not a stored secret")));
    }

    [Fact]
    public async Task ListReturnsEveryKeyOldestFirstRevokedIncluded()
    {
        var oldest = SampleKey(ApiScope.Admin);
        var middle = SampleKey(ApiScope.Read);
        var newest = SampleKey(ApiScope.Ingest);
        foreach (var key in new[] { newest, oldest, middle })
        {
            await ApiKeys.CreateAsync(key);
        }
        Assert.True(await ApiKeys.RevokeAsync(middle.Id, Time.GetUtcNow()));

        var keys = await ApiKeys.ListAsync();

        Assert.Equal([oldest.Id, middle.Id, newest.Id], keys.Select(k => k.Id));
        AssertSameKey(middle with { RevokedAt = Time.GetUtcNow() }, keys[1]);
    }

    [Fact]
    public async Task RevokeMarksTheKeyOnlyOnceAndKeepsItFindable()
    {
        var key = SampleKey(ApiScope.Read);
        await ApiKeys.CreateAsync(key);
        var revokedAt = Time.GetUtcNow().AddMinutes(5);

        var first = await ApiKeys.RevokeAsync(key.Id, revokedAt);
        var second = await ApiKeys.RevokeAsync(key.Id, revokedAt.AddHours(1));

        Assert.True(first);
        Assert.False(second);
        AssertSameKey(key with { RevokedAt = revokedAt }, await ApiKeys.GetAsync(key.Id));
        Assert.False((await ApiKeys.FindBySecretHashAsync(key.SecretHash))?.IsActive);
    }

    [Fact]
    public async Task RevokeOfAnUnknownKeyReturnsFalse()
    {
        Assert.False(await ApiKeys.RevokeAsync("key_unknown", Time.GetUtcNow()));
        Assert.Empty(await ApiKeys.ListAsync());
    }

    [Fact]
    public async Task UpsertInsertsAnUnknownKey()
    {
        var key = SampleKey(ApiScope.Admin) with { Id = "key_bootstrap" };

        await ApiKeys.UpsertAsync(key);

        AssertSameKey(key, await ApiKeys.GetAsync("key_bootstrap"));
    }

    [Fact]
    public async Task UpsertReplacesEveryFieldAndRestoresARevokedKey()
    {
        var original = SampleKey(ApiScope.Admin) with { Id = "key_bootstrap" };
        await ApiKeys.CreateAsync(original);
        Assert.True(await ApiKeys.RevokeAsync(original.Id, Time.GetUtcNow()));
        var replacement = SampleKey(ApiScope.Admin, ApiScope.Read) with { Id = original.Id, Name = "rotated admin" };

        await ApiKeys.UpsertAsync(replacement);

        AssertSameKey(replacement, await ApiKeys.GetAsync(original.Id));
        AssertSameKey(replacement, await ApiKeys.FindBySecretHashAsync(replacement.SecretHash));
        Assert.Null(await ApiKeys.FindBySecretHashAsync(original.SecretHash));
        Assert.Single(await ApiKeys.ListAsync());
    }

    [Fact]
    public async Task AnyActiveAdminCountsOnlyActiveKeysWithTheAdminScope()
    {
        Assert.False(await ApiKeys.AnyActiveAdminAsync());
        await ApiKeys.CreateAsync(SampleKey(ApiScope.Read, ApiScope.Ingest));
        Assert.False(await ApiKeys.AnyActiveAdminAsync());

        var admin = SampleKey(ApiScope.Read, ApiScope.Admin);
        await ApiKeys.CreateAsync(admin);
        Assert.True(await ApiKeys.AnyActiveAdminAsync());

        await ApiKeys.RevokeAsync(admin.Id, Time.GetUtcNow());
        Assert.False(await ApiKeys.AnyActiveAdminAsync());
    }

    [Fact]
    public async Task CreatingAKeyWithAnExistingSecretHashThrowsDuplicateKey()
    {
        var first = SampleKey(ApiScope.Read);
        await ApiKeys.CreateAsync(first);
        var clash = SampleKey(ApiScope.Admin) with { SecretHash = first.SecretHash };

        await Assert.ThrowsAsync<DuplicateKeyException>(() => ApiKeys.CreateAsync(clash));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => ApiKeys.UpsertAsync(clash));

        AssertSameKey(first, await ApiKeys.FindBySecretHashAsync(first.SecretHash));
        Assert.Null(await ApiKeys.GetAsync(clash.Id));
    }

    [Fact]
    public async Task CreatingAKeyWithAnExistingIdThrowsDuplicateKey()
    {
        var first = SampleKey(ApiScope.Read);
        await ApiKeys.CreateAsync(first);

        await Assert.ThrowsAsync<DuplicateKeyException>(() => ApiKeys.CreateAsync(SampleKey(ApiScope.Admin) with { Id = first.Id }));

        AssertSameKey(first, await ApiKeys.GetAsync(first.Id));
        Assert.False(await ApiKeys.AnyActiveAdminAsync());
    }
}
