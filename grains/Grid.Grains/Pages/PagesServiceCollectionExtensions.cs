using Grid.Grains.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>
    /// Page options (validated at start), the fetcher, and the intake of pages and URLs. The fetcher uses the
    /// guarded outbound client, which <see cref="OutboundServiceCollectionExtensions.AddGridOutbound"/> registers (once: it is shared with webhooks).
    /// </summary>
    public static IServiceCollection AddGridPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageOptions>().Bind(configuration.GetSection(PageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PageOptions>, PageOptionsValidator>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<PageLoader>();
        services.AddSingleton<PageIntake>();
        return services;
    }
}
