using Grid.OllamaEmulator.Catalog;
using Grid.OllamaEmulator.Endpoints;
using Grid.OllamaEmulator.Faults;
using Grid.OllamaEmulator.OpenAI;
using Grid.OllamaEmulator.Recording;
using Grid.OllamaEmulator.Scheduling;
using Grid.OllamaEmulator.Settings;
using Grid.OllamaEmulator.Stats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grid.OllamaEmulator;

public static class EmulatorServiceCollectionExtensions
{
    /// <summary>Registers the emulator's state (catalog, slots, stats, faults) as singletons.</summary>
    public static IServiceCollection AddOllamaEmulator(this IServiceCollection services, EmulatorOptions options)
    {
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<StateChangeSignal>();
        services.AddSingleton<SlotScheduler>();
        services.AddSingleton<EmulatorStats>();
        services.AddSingleton<ChatBodyRecording>();
        services.AddSingleton<RuntimeSettingsStore>();
        services.AddSingleton<FaultDice>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<CompletionEndpoint>();
        services.AddSingleton<ModelEndpoints>();
        services.AddSingleton<ControlEndpoints>();
        services.AddSingleton<OpenAIEndpoints>();
        return services;
    }
}
