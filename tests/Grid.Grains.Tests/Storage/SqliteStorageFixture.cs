using Orleans.TestingHost;

namespace Grid.Grains.Tests.Storage;

/// <summary>One running silo on one temporary file, shared by tests that each use grain keys of their own.</summary>
public sealed class SqliteStorageFixture : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    internal string Path => _database.Path;

    internal InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await SqliteStorageCluster.StartAsync(_database.Path);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _database.Dispose();
    }
}
