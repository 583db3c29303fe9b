using System.Text.Json.Nodes;

namespace Feedback.Deploy.Tests;

public sealed class ValuesSchemaTests
{
    private static JsonObject DefaultValues => YamlJson.LoadObject(Path.Combine(Repo.ChartDir, "values.yaml"));

    [Fact]
    public async Task DefaultValuesMatchTheSchema()
    {
        var schema = await ValuesSchema.LoadAsync();

        Assert.Empty(schema.Validate(DefaultValues));
    }

    [Theory]
    [InlineData("{ replicaCount: two }", "replicaCount")]
    [InlineData("{ replicaCount: -1 }", "replicaCount")]
    [InlineData("{ replicaCount: 3 }", "replicaCount")]
    [InlineData("{ autoscaling: { enabled: true } }", "autoscaling.enabled")]
    [InlineData("{ storage: { provider: postgres } }", "storage.provider")]
    [InlineData("{ storage: { provider: mongodb } }", "secrets")]
    [InlineData("{ storage: { sqlite: { path: feedback.db } } }", "storage.sqlite.path")]
    [InlineData("{ image: { pullPolicy: Sometimes } }", "image.pullPolicy")]
    [InlineData("{ service: { port: 0 } }", "service.port")]
    [InlineData("{ service: { port: \"80\" } }", "service.port")]
    [InlineData("{ ingress: { enabled: yes-please } }", "ingress.enabled")]
    [InlineData("{ dispatch: { pollInterval: 5s } }", "dispatch.pollInterval")]
    [InlineData("{ dispatch: { batchSize: 0 } }", "dispatch.batchSize")]
    [InlineData("{ persistence: { size: lots } }", "persistence.size")]
    [InlineData("{ config: { publicBaseUrl: feedback.example.com } }", "config.publicBaseUrl")]
    [InlineData("{ secrets: { adminKey: 42 } }", "secrets.adminKey")]
    [InlineData("{ podAnnotations: { checksum: 1 } }", "podAnnotations.checksum")]
    [InlineData("{ storageProvider: mongodb }", "storageProvider")]
    [InlineData("{ storage: { sqlite: { file: x.db } } }", "storage.sqlite.file")]
    public async Task BadValuesAreRejectedNamingTheProperty(string overrides, string property)
    {
        var schema = await ValuesSchema.LoadAsync();

        var errors = schema.Validate(YamlJson.Merge(DefaultValues, YamlJson.Parse(overrides))!);

        Assert.NotEmpty(errors);
        var jsonPath = "#/" + property; // NJsonSchema's path form: #/storage.sqlite.path
        Assert.True(
            errors.Any(error => error.EndsWith(jsonPath, StringComparison.Ordinal)),
            $"No error names {jsonPath}; got: {string.Join("; ", errors)}");
    }

    [Theory]
    [InlineData("{ replicaCount: 3, storage: { provider: mongodb }, secrets: { mongodbConnectionString: 'mongodb://db:27017' } }")]
    [InlineData("{ autoscaling: { enabled: true }, storage: { provider: mongodb }, secrets: { existingSecret: feedback-env } }")]
    [InlineData("{ replicaCount: 0 }")]
    [InlineData("{ podDisruptionBudget: { enabled: true, maxUnavailable: '50%' } }")]
    [InlineData("{ ingress: { enabled: true, className: nginx, tls: [{ secretName: feedback-tls, hosts: [feedback.example.com] }] } }")]
    [InlineData("{ config: { publicBaseUrl: 'https://feedback.example.com' }, dispatch: { pollInterval: '00:01:30', batchSize: 500 } }")]
    public async Task ValidOverridesAreAccepted(string overrides)
    {
        var schema = await ValuesSchema.LoadAsync();

        var errors = schema.Validate(YamlJson.Merge(DefaultValues, YamlJson.Parse(overrides))!);

        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }
}
