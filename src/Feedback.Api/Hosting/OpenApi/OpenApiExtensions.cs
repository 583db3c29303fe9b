using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, with the Bearer scheme, the Problem Details error responses and examples of the main bodies.</summary>
    public static IServiceCollection AddFeedbackOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<FeedbackDocumentTransformer>();
            o.AddOperationTransformer<ErrorResponsesTransformer>();
            o.AddOperationTransformer<ExamplesTransformer>();
            o.AddSchemaTransformer<EnumSchemaTransformer>();
            o.AddSchemaTransformer<DateTimeSchemaTransformer>();
        });
}
