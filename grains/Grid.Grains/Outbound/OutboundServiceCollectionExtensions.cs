using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>The named client of requests made on a caller's behalf (<see cref="ClientName"/>), guarded by <c>Grid:Outbound</c>.</summary>
    public const string ClientName = "grid-outbound";

    public static IServiceCollection AddGridOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section)).ValidateOnStart();
        // Webhooks and pages both ask for the guarded client: one validator however often this runs.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>());
        services.AddHttpClient(ClientName, http => http.DefaultRequestHeaders.UserAgent.ParseAdd("Grid/1.0"))
            .ConfigurePrimaryHttpMessageHandler(provider => OutboundConnector.CreateHandler(provider.GetRequiredService<IOptions<OutboundOptions>>().Value));
        return services;
    }
}
