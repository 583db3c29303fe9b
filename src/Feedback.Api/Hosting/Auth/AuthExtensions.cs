using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Feedback.Api.Hosting.Auth;

public static class AuthExtensions
{
    /// <summary>API-key authentication, one policy per scope, and the bootstrap admin key at start.</summary>
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.Admin, p => p.RequireClaim(Scopes.ClaimType, Scopes.Admin))
            .AddPolicy(Scopes.Ingest, p => p.RequireClaim(Scopes.ClaimType, Scopes.Admin, Scopes.Ingest))
            .AddPolicy(Scopes.Read, p => p.RequireClaim(Scopes.ClaimType, Scopes.Admin, Scopes.Read));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeForbiddenHandler>();
        services.AddHostedService<AdminKeyBootstrap>();
        return services;
    }
}
