using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Feedback.Api.Hosting;
using Feedback.Api.Features.Operations;
using Feedback.Api.Hosting.Telemetry;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>Title, description, contact, license, server, tag descriptions and the Bearer API-key security scheme of the document.</summary>
public sealed class FeedbackDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "apiKey";

    /// <summary>What each tag groups; a tag missing here is reported by the OpenAPI linter in the test suite.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Operations"] = "Liveness and readiness probes for the orchestrator; no API key.",
        ["API keys"] = "Keys for the services that call this API, each with the scopes admin, ingest or read; a key's secret is shown once.",
        ["Templates"] = "Survey templates: the kind (NPS, CSAT, CES), the event that triggers them, timing and content per locale. "
            + "Every change is a new version; replace and archive take the ETag in If-Match.",
        ["Events"] = "Events reported by other services (ticket resolved, order delivered …); matching templates schedule surveys.",
        ["Surveys"] = "Surveys scheduled by events or sent directly: their delivery state, and cancelling them.",
        ["Responses"] = "Customers' answers: listing and CSV export, and answers collected elsewhere (phone, chat, in person).",
        ["Scores"] = "NPS, CSAT and CES of a period with 95 % intervals, series, breakdowns and the change against the previous period.",
        ["Themes"] = "What the unhappy (or happy) customers' comments mention more than the others, per language, and the comments behind each theme.",
        ["Follow-ups"] = "Tasks opened by low scores so somebody calls the customer back: assigning, notes, resolving, "
            + "and the close-the-loop figures.",
        ["Suppressions"] = "Addresses no survey is sent to: bounces, spam reports and unsubscribes from SendGrid, and manual entries.",
        ["Customers"] = "Erasing a customer's personal data.",
        ["Admin"] = "Operating the store: online backups.",
        ["Webhooks"] = "Outbound webhooks (signed POSTs to a subscriber's URL when answers arrive) and their delivery log; "
            + "SendGrid's inbound Event Webhook.",
        ["Dev mailbox"] = "E-mails kept instead of sent while no SendGrid key is set, for development.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Feedback API",
            Version = "v1",
            Description = "Survey templates, events that schedule NPS/CSAT/CES surveys, responses, scores and comment themes. "
                + "Authenticate with `Authorization: Bearer <api key>`; keys carry the scopes admin, ingest and read. "
                + "Every error is RFC 9457 Problem Details.",
            Contact = new OpenApiContact { Name = "Feedback service maintainers" },
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };
        // Relative, so the document is the same wherever it is served (and in the repository): the API is at the root
        // of the host that serves it. Generated clients take their base address from their HttpClient.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document." }];
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description = tag.Name is { } name ? TagDescriptions.GetValueOrDefault(name) : null;
        }
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
