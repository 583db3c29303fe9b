using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>Puts the <see cref="OperationExamples"/> of an operation on its JSON request body and success responses.</summary>
public sealed class ExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id)
        {
            return Task.CompletedTask;
        }
        if (OperationExamples.Requests.TryGetValue(id, out var request) && Json(operation.RequestBody?.Content) is { } body)
        {
            body.Example = JsonNode.Parse(request);
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (OperationExamples.Responses.TryGetValue((id, status), out var example) && Json(response.Content) is { } media)
            {
                media.Example = JsonNode.Parse(example);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiMediaType? Json(IDictionary<string, OpenApiMediaType>? content) =>
        content?.TryGetValue("application/json", out var media) == true ? media : null;
}
