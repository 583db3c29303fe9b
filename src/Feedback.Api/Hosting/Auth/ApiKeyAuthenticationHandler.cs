using System.Security.Claims;
using System.Text.Encodings.Web;
using Feedback.Core.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting.Auth;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c>: the key is looked up through <see cref="VerifiedApiKeys"/>; its scopes become claims.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VerifiedApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length > 512)
        {
            return AuthenticateResult.Fail("The Authorization header is not 'Bearer <api key>'.");
        }
        var secret = header[BearerPrefix.Length..].Trim();
        var key = await keys.FindActiveAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.Id), new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Scopes.Select(s => new Claim(Scopes.ClaimType, Scopes.Name(s))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>401 Problem Details whose detail says what was wrong: no key, a header that is not a bearer key, or an unknown key.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        // Only this handler's own failure messages are shown; anything else stays out of the answer.
        var detail = result.Failure is AuthenticationFailureException failure ? failure.Message : "No API key: send the header Authorization: Bearer <key>.";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }
}
