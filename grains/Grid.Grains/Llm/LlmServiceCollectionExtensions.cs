using Grid.Grains.Llm.Slots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// The LLM boundary: options (validated at start), the backends, their cluster-wide slots and the gateway.
    /// In a silo the slots are kept by slot grains for the whole cluster; without one, in this process.
    /// </summary>
    public static IServiceCollection AddGridLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILlmSlotDirectory>(provider => provider.GetService<IGrainFactory>() is { } grains
            ? new GrainSlotDirectory(grains)
            : new InProcessSlotDirectory(provider.GetRequiredService<IOptions<LlmOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LlmEndpointPool>();
        services.AddSingleton<LlmSlotBroker>();
        services.AddSingleton<LlmModelPuller>();
        services.AddSingleton<LlmEndpointChecker>();
        services.AddSingleton<LlmGateway>();
        return services;
    }

    /// <summary>Checks the endpoints at start and then periodically (reachable, model present, warmed), for <c>/health</c>; on every silo.</summary>
    public static IServiceCollection AddLlmEndpointMonitor(this IServiceCollection services) =>
        services.AddHostedService<LlmEndpointMonitor>();
}
