using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>Registers SQLite grain storage providers in a silo's services.</summary>
public static class SqliteGrainStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain storage provider <paramref name="name"/>, kept in the SQLite file its
    /// <see cref="SqliteGrainStorageOptions"/> (named <paramref name="name"/>) point to. The options are
    /// validated when the silo starts; state is serialized by the <see cref="IGrainStorageSerializer"/>
    /// registered under <paramref name="name"/>, else by Orleans' default one.
    /// </summary>
    public static IServiceCollection AddSqliteGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<SqliteGrainStorageOptions>>? configureOptions = null)
    {
        var options = services.AddOptions<SqliteGrainStorageOptions>(name);
        configureOptions?.Invoke(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteGrainStorageOptions>, SqliteGrainStorageOptionsValidator>());
        services.ConfigureNamedOptionForLogging<SqliteGrainStorageOptions>(name);
        services.TryAddSingleton<SqliteStateStores>();
        return services.AddGrainStorage(name, Create);
    }

    private static SqliteGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name);
        return new SqliteGrainStorage(
            name,
            services.GetRequiredService<SqliteStateStores>().For(options.Path),
            services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());
    }
}
