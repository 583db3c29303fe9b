using System.Collections;

namespace Feedback.Api.Hosting.Security;

/// <summary>
/// The log scope of a request (<c>RequestId</c>, <c>RequestPath</c>) with the customer pages' token replaced by
/// <c>{token}</c>. It stands in for ASP.NET Core's own request scope, which quotes the raw path and is therefore switched
/// off (<see cref="SecurityHeaders.AddTokenSafeLogging"/>): with scopes on, every line logged while a page is served would
/// otherwise carry the token, the only credential of that page.
/// </summary>
public sealed class RequestLogScope(string requestId, string requestPath) : IReadOnlyList<KeyValuePair<string, object>>
{
    private static readonly string[] TokenPages = ["/s", "/u"];

    public static RequestLogScope For(HttpContext context) => new(context.TraceIdentifier, context.Request.PathBase + Redact(context.Request.Path));

    /// <summary><c>/s/&lt;token&gt;</c> and <c>/u/&lt;token&gt;</c> (and anything below them) as their route, other paths as they are.</summary>
    public static string Redact(PathString path)
    {
        foreach (var page in TokenPages)
        {
            if (path.StartsWithSegments(page, out var rest) && rest.HasValue && rest != "/")
            {
                return page + "/{token}";
            }
        }
        return path.ToString();
    }

    public int Count => 2;

    public KeyValuePair<string, object> this[int index] => index switch
    {
        0 => new("RequestId", requestId),
        1 => new("RequestPath", requestPath),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The simple and systemd console formatters print a scope through ToString.
    public override string ToString() => $"RequestPath:{requestPath} RequestId:{requestId}";

    /// <summary>Opens the scope around the whole pipeline, ahead of every middleware the app adds.</summary>
    public sealed class StartupFilter(ILoggerFactory loggers) : IStartupFilter
    {
        private readonly ILogger _logger = loggers.CreateLogger("Feedback.Api.Requests");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                using (_logger.BeginScope(For(context)))
                {
                    await nextMiddleware(context);
                }
            });
            next(app);
        };
    }
}
