using Feedback.Api.Hosting.Errors;
using Feedback.Core.Delivery;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Templates;

/// <summary>The current version's e-mail rendered for a locale and an optional customer, without storing or sending anything.</summary>
public static class TemplatePreview
{
    public static async Task<Results<Ok<TemplatePreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string id, JsonBody<PreviewTemplateRequest> body, ITemplateStore templates, EmailPreviewer previewer, CancellationToken ct)
    {
        var (request, errors) = (body.Value, body.Errors);
        errors.AddRange(request.Validate(out var properties));
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (await templates.GetAsync(id, ct) is not { } template)
        {
            return Problems.NotFound($"Template '{id}' does not exist.");
        }
        var preview = previewer.Render(template, request.Locale!, request.Customer?.ToCustomer(), request.SubjectId, properties);
        return TypedResults.Ok(TemplatePreviewResponse.From(preview));
    }
}
