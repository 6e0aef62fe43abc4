using Microsoft.AspNetCore.Authentication;

namespace Grid.Silo.Api.Security;

public static class ApiSecurityExtensions
{
    /// <summary>API keys, per-key rate limits, and loopback-only listening when there are no keys.</summary>
    public static WebApplicationBuilder AddGridApiSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new();
        builder.Services.AddSingleton(LoopbackBinding.Apply(builder, options));
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddHostedService<ApiExposureNotice>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddGridRateLimiting();
        return builder;
    }

    /// <summary>The middleware, in order: who is calling, whether they may, and whether they have calls left this minute.</summary>
    public static WebApplication UseGridApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Keys and rate limits on a group of routes; <c>/health</c> and the API reference stay open.</summary>
    public static TBuilder RequireGridApiKey<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization().RequireRateLimiting(ApiRateLimiting.Policy);
}
