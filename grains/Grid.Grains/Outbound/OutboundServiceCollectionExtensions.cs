using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>The named client of requests made on a caller's behalf (<see cref="ClientName"/>), guarded by <c>Grid:Outbound</c>.</summary>
    public const string ClientName = "grid-outbound";

    public static IServiceCollection AddGridOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section)).ValidateOnStart();
        services.AddHttpClient(ClientName, http => http.DefaultRequestHeaders.UserAgent.ParseAdd("Grid/1.0"))
            .ConfigurePrimaryHttpMessageHandler(provider => OutboundConnector.CreateHandler(OutboundConnector.RefusalFor(provider.GetRequiredService<IOptions<OutboundOptions>>().Value)));
        return services;
    }
}
