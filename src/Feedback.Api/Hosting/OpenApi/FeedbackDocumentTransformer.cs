using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>Title, description and the Bearer API-key security scheme of the document.</summary>
public sealed class FeedbackDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Feedback API",
            Version = "v1",
            Description = "Survey templates, events that schedule NPS/CSAT/CES surveys, responses and scores. "
                + "Authenticate with `Authorization: Bearer <api key>`; keys carry the scopes admin, ingest and read. "
                + "Every error is RFC 9457 Problem Details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created with POST /v1/api-keys (or the bootstrap admin key).",
        };
        return Task.CompletedTask;
    }
}
