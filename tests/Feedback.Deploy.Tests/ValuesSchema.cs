using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Feedback.Deploy.Tests;

/// <summary>
/// values.schema.json as Helm applies it. NJsonSchema implements draft-04/06 keywords and silently
/// ignores draft-07's if/then (and const), which Helm does enforce; so the top-level
/// <c>allOf: [{ if, then }]</c> rules are evaluated here, and those keywords anywhere else are refused
/// rather than skipped.
/// </summary>
internal sealed class ValuesSchema(JsonSchema schema, IReadOnlyList<(JsonSchema If, JsonSchema Then)> rules)
{
    private static readonly string[] UnenforcedKeywords = ["if", "then", "else", "const", "dependentRequired", "dependentSchemas", "unevaluatedProperties"];

    public static string FilePath => Path.Combine(Repo.ChartDir, "values.schema.json");

    public static async Task<ValuesSchema> LoadAsync()
    {
        var text = await File.ReadAllTextAsync(FilePath);
        var root = JsonNode.Parse(text)!.AsObject();
        var rules = new List<(JsonSchema, JsonSchema)>();
        foreach (var rule in root["allOf"]?.AsArray() ?? [])
        {
            var ruleObject = rule!.AsObject();
            if (ruleObject["if"] is { } condition && ruleObject["then"] is { } consequence)
            {
                RefuseUnenforcedKeywords(condition, "#/allOf/if");
                RefuseUnenforcedKeywords(consequence, "#/allOf/then");
                rules.Add((await FromNode(condition), await FromNode(consequence)));
                ruleObject.Remove("if");
                ruleObject.Remove("then");
            }
        }

        RefuseUnenforcedKeywords(root, "#");
        return new ValuesSchema(await JsonSchema.FromJsonAsync(text), rules);
    }

    /// <summary>Every violation, nested ones (anyOf branches) included, as "Kind: #/path" lines.</summary>
    public IReadOnlyList<string> Validate(JsonNode values)
    {
        var json = values.ToJsonString();
        var errors = Flatten(schema.Validate(json)).ToList();
        foreach (var (condition, consequence) in rules)
        {
            if (condition.Validate(json).Count == 0)
            {
                errors.AddRange(Flatten(consequence.Validate(json)));
            }
        }

        return errors;
    }

    private static Task<JsonSchema> FromNode(JsonNode node) => JsonSchema.FromJsonAsync(node.ToJsonString());

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(Flatten).Prepend($"{error.Kind}: {error.Path}")
            : [$"{error.Kind}: {error.Path}"]);

    private static void RefuseUnenforcedKeywords(JsonNode? node, string path)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                RefuseUnenforcedKeywords(array[i], $"{path}/{i}");
            }
        }
        else if (node is JsonObject map)
        {
            foreach (var (key, child) in map)
            {
                // Under "properties" the keys are value names, not keywords.
                if (!path.EndsWith("/properties", StringComparison.Ordinal) && UnenforcedKeywords.Contains(key))
                {
                    throw new InvalidDataException(
                        $"{FilePath}: '{key}' at {path} is not enforced by NJsonSchema; use it only as a top-level allOf if/then rule.");
                }

                RefuseUnenforcedKeywords(child, $"{path}/{key}");
            }
        }
    }
}
