using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HostFiltering;

namespace Grid.Silo.Api.Security;

public static class ApiSecurityExtensions
{
    /// <summary>The <c>AllowedHosts</c> of an API that listens on loopback only, unless configured otherwise.</summary>
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>API keys (with a limit on wrong ones per address), per-key rate limits for the cluster, and loopback-only listening when there are no keys.</summary>
    public static WebApplicationBuilder AddGridApiSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new();
        var exposure = LoopbackBinding.Apply(builder, options);
        builder.Services.AddSingleton(exposure);
        // Listening on loopback is no defence against DNS rebinding (a page whose name now points at 127.0.0.1
        // reads the answers as its own), unless the Host header must be a loopback name.
        if (exposure.Kind == ApiExposureKind.LoopbackOnly && builder.Configuration["AllowedHosts"] is null or "*")
            builder.Services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = LoopbackHosts);
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddHostedService<ApiExposureNotice>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<RequestCounters>();
        return builder;
    }

    /// <summary>The middleware, in order: no writes for other sites' pages, who is calling, whether they may, and whether they have calls left this minute.</summary>
    public static WebApplication UseGridApiSecurity(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ClusterRateLimiter>();
        return app;
    }

    /// <summary>Keys and rate limits on a group of routes; <c>/health</c> and the API reference stay open.</summary>
    public static TBuilder RequireGridApiKey<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization().WithMetadata(new ClusterRateLimited());
}
