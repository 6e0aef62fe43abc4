using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Grid.Client.Http;

public static class GridHttpServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IGridClient"/> over the Grid HTTP API: a typed <see cref="HttpClient"/> with the
    /// silo's address and <c>X-Api-Key</c>, which retries what is safe to repeat (GET; never a POST or
    /// DELETE) when the silo is briefly away, busy (503) or rate limiting (429, after its Retry-After).
    /// Event streams go through a client of their own, without retries or a time limit.
    /// </summary>
    public static IServiceCollection AddGridHttpClient(this IServiceCollection services, Action<GridHttpClientOptions> configure)
    {
        services.AddOptions<GridHttpClientOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GridHttpClientOptions>, GridHttpClientOptionsValidator>();

        services.AddHttpClient<IGridClient, GridHttpClient>(Configure)
            .AddResilienceHandler("grid-retries", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<GridHttpClientOptions>>().Value;
                var retry = new HttpRetryStrategyOptions { MaxRetryAttempts = options.Retries, Delay = options.RetryDelay, UseJitter = true, ShouldRetryAfterHeader = true };
                retry.DisableForUnsafeHttpMethods();
                pipeline.AddRetry(retry);
            });
        services.AddHttpClient(GridHttpClient.StreamClientName, (provider, http) =>
        {
            Configure(provider, http);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        return services;
    }

    private static void Configure(IServiceProvider provider, HttpClient http)
    {
        var options = provider.GetRequiredService<IOptions<GridHttpClientOptions>>().Value;
        // A trailing slash keeps the base's path when relative paths (api/articles) are resolved against it.
        http.BaseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        http.Timeout = options.Timeout;
        if (!string.IsNullOrEmpty(options.ApiKey))
            http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
    }
}
