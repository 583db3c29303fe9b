using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>Documents enums (and lists of them) as their camelCase names, which <see cref="StrictEnumConverter"/> hides from the schema generator.</summary>
public sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            // Typed as strings too: without the type a client generator makes a numeric enum and sends numbers.
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n)).ToList();
        }
        else if (context.JsonTypeInfo.ElementType is { IsEnum: true } element && schema.Items is null)
        {
            schema.Items = await context.GetOrCreateSchemaAsync(element, null, cancellationToken);
        }
    }
}
