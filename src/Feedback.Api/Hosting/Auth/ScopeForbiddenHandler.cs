using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Feedback.Api.Hosting.Auth;

/// <summary>
/// A valid key without the route's scope gets a 403 Problem Details naming the scope it lacks; every other outcome
/// (success, 401 challenge) goes to ASP.NET Core's default handling.
/// </summary>
public sealed class ScopeForbiddenHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = $"This API key lacks the '{RequiredScope(policy)}' scope." },
        });
    }

    // The scope policies allow admin and the scope itself (ingest, read); admin alone for admin routes.
    private static string RequiredScope(AuthorizationPolicy policy)
    {
        var allowed = policy.Requirements.OfType<ClaimsAuthorizationRequirement>()
            .Where(r => r.ClaimType == Scopes.ClaimType)
            .SelectMany(r => r.AllowedValues ?? [])
            .ToList();
        return allowed.FirstOrDefault(s => s != Scopes.Admin) ?? Scopes.Admin;
    }
}
