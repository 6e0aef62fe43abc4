using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Feeds;

/// <summary>
/// A news site with its feed, and a silo that follows feeds (<see cref="FeedSettings"/>) on a SQLite file that outlives
/// it, with an HTTP client on its API: a silo stopped and started again finds its feeds and their reminders.
/// </summary>
internal sealed class FeedFollowingGrid : IAsyncDisposable
{
    private FeedFollowingGrid(FeedSite site, GridOnDisk disk) => (Site, _disk) = (site, disk);

    private readonly GridOnDisk _disk;

    public FeedSite Site { get; }

    public GridSiloHost Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<FeedFollowingGrid> StartAsync()
    {
        var grid = new FeedFollowingGrid(await FeedSite.StartAsync(), await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 }));
        await grid.StartSiloAsync();
        return grid;
    }

    /// <summary>Stops the silo; <see cref="StartSiloAsync"/> starts another on the same file.</summary>
    public async Task StopSiloAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
    }

    public async Task StartSiloAsync()
    {
        Silo = await _disk.StartSiloAsync(FeedSettings.Following);
        Http = Silo.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await StopSiloAsync();
        await _disk.DisposeAsync();
        await Site.DisposeAsync();
    }
}
