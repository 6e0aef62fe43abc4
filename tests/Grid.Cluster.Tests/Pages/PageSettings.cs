namespace Grid.Cluster.Tests.Pages;

/// <summary>Settings of a node that fetches pages under test: the guard as asked, a small page cap, quick retries.</summary>
internal static class PageSettings
{
    public static Dictionary<string, string?> For(Uri emulator, bool allowPrivateNetworks)
    {
        var settings = GridSettings.For(emulator);
        settings["Grid:Outbound:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false";
        settings["Grid:Pages:MaxBytes"] = PageSiteFixture.MaxPageBytes.ToString();
        settings["Grid:Pages:RetryDelay"] = "00:00:00.050";
        settings["Grid:Pages:Attempts"] = "3";
        settings["Grid:Pages:Timeout"] = "00:00:10";
        return settings;
    }
}
