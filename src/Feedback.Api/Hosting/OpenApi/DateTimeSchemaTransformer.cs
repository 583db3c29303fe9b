using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>Documents date-times as strings again, which <see cref="OffsetDateTimeConverter"/> hides from the schema generator (it keeps the format).</summary>
public sealed class DateTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String;
        }
        else if (type == typeof(DateTimeOffset?))
        {
            schema.Type = JsonSchemaType.Null | JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
