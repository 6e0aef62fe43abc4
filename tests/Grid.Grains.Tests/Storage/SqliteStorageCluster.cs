using Grid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Grid.Grains.Tests.Storage;

/// <summary>A one-silo cluster whose two Grid storage providers share one SQLite file, registered the way the host does it.</summary>
internal static class SqliteStorageCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string path)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddSqliteGrainStorage(GridStorage.Articles, path)
            .AddSqliteGrainStorage(GridStorage.Translations, path));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The provider itself, out of the silo's own services, with the serializer Orleans registered there.</summary>
    public static IGrainStorage Storage(this InProcessTestCluster cluster, string provider) =>
        cluster.GetSiloServiceProvider(cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(provider);

    public static IStorageProbeGrain Probe(this InProcessTestCluster cluster, string key) =>
        cluster.Client.GetGrain<IStorageProbeGrain>(key);
}
