using System.Security.Cryptography;
using System.Text;
using Feedback.Core.Common;
using Feedback.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// A server-rendered customer page and the headers every one of them sends: a strict CSP (no script at all; only our
/// own stylesheet, allowed by its hash), no sniffing, no framing, no caching, and no referrer (the URL holds the token).
/// An embedded page (<see cref="Embedded"/>) may be framed, by the origins of <see cref="PagesOptions.FrameAncestors"/> only.
/// </summary>
public sealed class HtmlPage(int statusCode, string html, bool embedded = false) : IResult, IStatusCodeHttpResult
{
    // Phone first: one column, large tap targets; flex rows follow dir="rtl" on their own.
    private const string Css =
        "body{margin:0;background:#f3f4f6;color:#111827;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}" +
        "main{box-sizing:border-box;max-width:36rem;min-height:100vh;margin:0 auto;padding:1.5rem 1rem;background:#fff}" +
        "h1{margin:0 0 1rem;font-size:1.25rem;line-height:1.4}" +
        ".scale{display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;list-style:none}" +
        ".scale li{flex:1 0 1.75rem}" +
        ".scale a{display:block;padding:.75rem 0;border:1px solid #2563eb;border-radius:.25rem;background:#eff6ff;color:#1d4ed8;font-weight:bold;text-align:center;text-decoration:none}" +
        "fieldset.scale{border:0}" +
        ".scale label{flex:1 0 1.75rem;margin:0;padding:.75rem 0;border:1px solid #2563eb;border-radius:.25rem;background:#eff6ff;color:#1d4ed8;text-align:center}" +
        ".scale label:has(:checked){background:#1d4ed8;color:#fff}" +
        ".scale input{margin:0;margin-inline-end:.25rem}" +
        ".labels{display:flex;justify-content:space-between;gap:1rem;margin:.5rem 0 0;color:#4b5563;font-size:.875rem}" +
        "label{display:block;margin:1.5rem 0 .5rem;font-weight:bold}" +
        "textarea{box-sizing:border-box;width:100%;min-height:8rem;padding:.5rem;border:1px solid #9ca3af;border-radius:.25rem;font:inherit}" +
        "button{margin-top:1rem;padding:.75rem 1.5rem;border:0;border-radius:.25rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:bold}" +
        "fieldset.reasons{margin:1.5rem 0 0;padding:0;border:0}legend{padding:0;font-weight:bold}" +
        ".reasons label{margin:.5rem 0;font-weight:normal}.reasons input{margin:0;margin-inline-end:.5rem}" +
        ".error{padding:.75rem;border-inline-start:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d}" +
        ".note{color:#166534}" +
        "body.embed{background:#fff}.embed main{max-width:none;min-height:0;padding:1rem}";

    private static readonly string PolicyWithoutFraming =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors ";

    /// <summary>The stylesheet is a constant, so its hash is too: no per-request nonce to generate or leak.</summary>
    public static readonly string ContentSecurityPolicy = PolicyWithoutFraming + "'none'";

    /// <summary>The embed page's policy: the same, framed only by <paramref name="frameAncestors"/> (a CSP source list).</summary>
    public static string EmbedContentSecurityPolicy(string frameAncestors) => PolicyWithoutFraming + frameAncestors;

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string Html => html;

    public bool Embedded => embedded;

    /// <summary>
    /// A complete document around <paramref name="body"/> (already escaped HTML); <paramref name="embedded"/>: without the
    /// page's frame (background, full height), for an iframe on the caller's site.
    /// </summary>
    public static HtmlPage Render(int statusCode, string locale, string title, string body, bool embedded = false)
    {
        var encode = LiquidText.Html;
        var dir = Locales.IsRightToLeft(locale) ? "rtl" : "ltr";
        return new HtmlPage(statusCode, $"""
            <!DOCTYPE html>
            <html lang="{encode.Encode(locale)}" dir="{dir}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{encode.Encode(title)}</title>
            <style>{Css}</style>
            </head>
            <body{(embedded ? " class=\"embed\"" : "")}>
            <main>
            {body}
            </main>
            </body>
            </html>

            """, embedded);
    }

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (embedded)
        {
            // X-Frame-Options cannot name origins; frame-ancestors alone decides (and wins over it in browsers anyway).
            var pages = context.RequestServices.GetRequiredService<IOptions<PagesOptions>>().Value;
            headers.ContentSecurityPolicy = EmbedContentSecurityPolicy(pages.FrameAncestorsSources);
        }
        else
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return response.WriteAsync(html, context.RequestAborted);
    }
}
