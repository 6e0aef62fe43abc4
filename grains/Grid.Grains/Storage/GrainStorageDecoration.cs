using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>Wraps a registered grain storage provider in another, whatever backs it.</summary>
public static class GrainStorageDecoration
{
    /// <summary>
    /// Replaces provider <paramref name="name"/> with <paramref name="wrap"/> around it. Orleans resolves the
    /// provider by name, also to enlist it in the silo's lifecycle, so a wrapper should pass that on
    /// (see <see cref="UnreadableStateGuard"/>).
    /// </summary>
    public static IServiceCollection DecorateGrainStorage(this IServiceCollection services, string name, Func<IServiceProvider, IGrainStorage, IGrainStorage> wrap)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IGrainStorage) && descriptor.IsKeyedService && Equals(descriptor.ServiceKey, name))
            ?? throw new InvalidOperationException($"No grain storage named '{name}' is registered to decorate.");
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"Grain storage '{name}' is not registered by a factory, so it cannot be decorated.");
        return services.AddKeyedSingleton(name, (provider, key) => wrap(provider, (IGrainStorage)create(provider, key)));
    }
}
