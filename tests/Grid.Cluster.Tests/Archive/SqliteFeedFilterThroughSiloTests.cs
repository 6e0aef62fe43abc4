using Grid.Cluster.Tests.Durability;

namespace Grid.Cluster.Tests.Archive;

/// <summary>The feed filter through a silo on the SQLite default.</summary>
public sealed class SqliteFeedFilterThroughSiloTests : FeedFilterThroughSiloTests
{
    private readonly TemporaryFolder _folder = new();

    protected override Task StoreAsync(Dictionary<string, string?> settings)
    {
        settings["Grid:Sqlite:Path"] = _folder.File("grid.db");
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
