using Grid.Cluster.Tests.Feeds;

namespace Grid.Web.Tests;

/// <summary>The reader on a silo that may follow a feed on this machine, and that feed's site.</summary>
public sealed class FeedsReaderGrid : ReaderGrid
{
    internal FeedSite Site { get; private set; } = null!;

    protected override async Task ConfigureAsync(Dictionary<string, string?> settings)
    {
        settings["Grid:Outbound:AllowPrivateNetworks"] = "true";
        settings["Grid:Feeds:MinimumEvery"] = "00:00:01";
        settings["Grid:Feeds:ReminderPeriod"] = "00:00:01";
        Site = await FeedSite.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Site.DisposeAsync();
    }
}
