using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>
/// Marks operations that need an API key with the security requirement and the scope they need, and the others with an
/// empty requirement (<c>security: []</c>), so a client generator knows they take no key.
/// </summary>
public sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
        if (policies.Count == 0)
        {
            operation.Security = [];
            return Task.CompletedTask;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(FeedbackDocumentTransformer.SchemeId, context.Document)] = [],
        });
        operation.Description = $"{operation.Description}\n\nRequires scope: {string.Join(", ", policies)}{(policies.Contains("admin") ? "" : " (or admin)")}.".Trim();
        return Task.CompletedTask;
    }
}
