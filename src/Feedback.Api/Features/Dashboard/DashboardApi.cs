using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Feedback.Api.Features.Dashboard;

/// <summary>
/// The dashboard: a static page and its ES modules at <c>/dashboard</c>. The page itself needs no key; its script asks for
/// a <c>read</c> key and calls the public API with it, so the page adds no server-side surface beyond these files.
/// </summary>
public static class DashboardApi
{
    /// <summary>Only our own files run and load; data fetched with the key is written into the page as text.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard")
            .AllowAnonymous()
            .ExcludeFromDescription();

        group.MapGet("/", Page);
        group.MapGet("/{file}", Asset);
        return app;
    }

    private static IResult Page(HttpContext context) => Serve(context, DashboardAssets.Page);

    private static Results<FileContentHttpResult, NotFound> Asset(string file, HttpContext context) =>
        DashboardAssets.Find(file) is { } asset && asset != DashboardAssets.Page
            ? Serve(context, asset)
            : TypedResults.NotFound();

    private static FileContentHttpResult Serve(HttpContext context, DashboardAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidate every time (cheap with the ETag), so a new deployment never runs an old script against a new API.
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.ETag));
    }
}
