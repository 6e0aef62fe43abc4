namespace Grid.Cluster.Tests.Feeds;

/// <summary>A node that follows feeds under test: this machine's sites allowed, reminders every second, stored in a SQLite file.</summary>
internal static class FeedSettings
{
    public static Dictionary<string, string?> For(Uri emulator, string sqlitePath)
    {
        var settings = GridSettings.For(emulator);
        settings["Grid:Outbound:AllowPrivateNetworks"] = "true";
        settings["Grid:Feeds:MinimumEvery"] = "00:00:01";
        settings["Grid:Feeds:ReminderPeriod"] = "00:00:01";
        settings["Grid:Feeds:MaxBackoff"] = "00:10:00";
        settings["Grid:Storage"] = "Sqlite";
        settings["Grid:Sqlite:Path"] = sqlitePath;
        return settings;
    }
}
