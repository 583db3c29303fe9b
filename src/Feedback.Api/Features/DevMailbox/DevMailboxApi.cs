using System.Net;
using System.Text;
using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.DevMailbox;

public sealed record DevMailboxList(IReadOnlyList<DevMailboxMessage> Items);

/// <summary>
/// The dev mailbox: what would have been e-mailed while no SendGrid key is set. The page needs no API key so a
/// developer can click the score links; it answers 404 once SendGrid is configured.
/// </summary>
public static class DevMailboxApi
{
    public static IEndpointRouteBuilder MapDevMailboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/dev/mailbox", List)
            .WithName("listDevMailboxMessages")
            .WithSummary("E-mails kept by the dev mailbox (no SendGrid key set), newest first.")
            .WithFeedbackErrors()
            .RequireAuthorization(Scopes.Admin)
            .WithTags("Dev mailbox");

        app.MapGet("/dev/mailbox", Page)
            .ExcludeFromDescription();

        return app;
    }

    public static Ok<DevMailboxList> List(IDevMailbox mailbox, string? to = null) =>
        TypedResults.Ok(new DevMailboxList(mailbox.List().Where(m => to is null || string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase)).ToList()));

    public static Results<ContentHttpResult, NotFound> Page(IDevMailbox mailbox, HttpContext http, long? id = null)
    {
        if (!mailbox.InUse)
        {
            return TypedResults.NotFound();
        }
        // The message HTML is shown in a sandboxed frame so its links work but nothing in it runs.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src data:";
        if (id is { } messageId && mailbox.Find(messageId) is { } message)
        {
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            return TypedResults.Content(message.Html, "text/html; charset=utf-8");
        }
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Dev mailbox</title><style>body{font-family:sans-serif;margin:1rem}li{margin:.5rem 0}</style></head><body>")
            .Append("<h1>Dev mailbox</h1><p>E-mails are kept here because no SendGrid API key is set (newest first).</p><ul>");
        foreach (var m in mailbox.List())
        {
            html.Append("<li><a href=\"/dev/mailbox?id=").Append(m.Id).Append("\">").Append(WebUtility.HtmlEncode(m.Subject)).Append("</a> — ")
                .Append(WebUtility.HtmlEncode(m.To)).Append(" — ").Append(m.SentAt.ToString("u")).Append("</li>");
        }
        return TypedResults.Content(html.Append("</ul></body></html>").ToString(), "text/html; charset=utf-8");
    }
}
