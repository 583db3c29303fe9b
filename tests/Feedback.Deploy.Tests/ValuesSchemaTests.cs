using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

public sealed partial class ValuesSchemaTests
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
    [InlineData("{ storage: { sqlite: { backupDirectory: backups } } }", "storage.sqlite.backupDirectory")]
    [InlineData("{ config: { forwardedHeaders: yes-please } }", "config.forwardedHeaders")]
    [InlineData("{ rateLimits: { pageWindow: 1m } }", "rateLimits.pageWindow")]
    [InlineData("{ webhooks: { retries: 3 } }", "webhooks.retries")]
    [InlineData("{ email: { fromName: 'a sender display name far too long to be shown by any mail client, as it runs on past the one hundred characters allowed' } }", "email.fromName")]
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
    [InlineData("{ config: { maxRequestBodyBytes: 1048576, forwardedHeaders: false }, dispatch: { confirmWindow: '00:30:00', surveyRetention: '730.00:00:00' } }")]
    [InlineData("{ webhooks: { lease: '01:00:00', allowPrivateNetworks: true }, rateLimits: { pagePermits: 1000, pageWindow: '00:05:00' } }")]
    [InlineData("{ demo: { seed: true, answers: 5000, days: 90 }, sendgrid: { timeout: '00:01:00' } }")]
    [InlineData("{ storage: { sqlite: { path: /var/lib/feedback/feedback.db, backupDirectory: /var/lib/feedback/backups } } }")]
    public async Task ValidOverridesAreAccepted(string overrides)
    {
        var schema = await ValuesSchema.LoadAsync();

        var errors = schema.Validate(YamlJson.Merge(DefaultValues, YamlJson.Parse(overrides))!);

        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    [Fact]
    public async Task EveryMapOfValuesYamlWithKnownKeysRefusesUnknownOnes()
    {
        var schema = await ValuesSchema.LoadAsync();
        var schemaJson = JsonNode.Parse(await File.ReadAllTextAsync(ValuesSchema.FilePath))!.AsObject();
        var failures = new List<string>();

        foreach (var path in Maps(DefaultValues, "").Where(path => SchemaAt(schemaJson, path)?["properties"] is not null))
        {
            var unknown = path.Length == 0 ? "notAKey" : path + ".notAKey";
            var overrides = unknown.Split('.').Reverse().Aggregate((JsonNode)JsonValue.Create(1), (node, segment) => new JsonObject { [segment] = node });
            if (!schema.Validate(YamlJson.Merge(DefaultValues, overrides)!).Any(error => error.EndsWith("#/" + unknown, StringComparison.Ordinal)))
            {
                failures.Add(unknown);
            }
        }

        Assert.True(failures.Count == 0, "The schema lets unknown keys through: " + string.Join(", ", failures));
    }

    [Fact]
    public void EveryLeafOfValuesYamlIsDescribedByTheSchema()
    {
        var schemaJson = JsonNode.Parse(File.ReadAllText(ValuesSchema.FilePath))!.AsObject();

        var undescribed = Leaves(DefaultValues, "").Where(path => SchemaAt(schemaJson, path) is null).ToList();

        Assert.True(undescribed.Count == 0, "values.yaml keys without a schema: " + string.Join(", ", undescribed));
    }

    // The schema of a dotted path through "properties"; a free-form object ("type": "object" alone) covers what is below it.
    private static JsonObject? SchemaAt(JsonObject root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node["properties"] is not JsonObject properties)
            {
                return node["$ref"] is null && (string?)node["type"] == "object" ? node : null;
            }

            if (properties[segment] is not JsonObject child)
            {
                return null;
            }

            node = child["$ref"] is JsonValue reference ? Definition(root, (string)reference!) : child;
        }

        return node;
    }

    private static JsonObject Definition(JsonObject root, string reference) =>
        root["definitions"]![DefinitionName().Match(reference).Groups[1].Value]!.AsObject();

    private static IEnumerable<string> Maps(JsonNode? node, string prefix) =>
        node is JsonObject { Count: > 0 } map
            ? map.SelectMany(pair => Maps(pair.Value, prefix.Length == 0 ? pair.Key : $"{prefix}.{pair.Key}")).Prepend(prefix)
            : [];

    private static IEnumerable<string> Leaves(JsonNode? node, string prefix) =>
        node is JsonObject { Count: > 0 } map
            ? map.SelectMany(pair => Leaves(pair.Value, prefix.Length == 0 ? pair.Key : $"{prefix}.{pair.Key}"))
            : [prefix];

    [GeneratedRegex("^#/definitions/(.+)$")]
    private static partial Regex DefinitionName();
}
