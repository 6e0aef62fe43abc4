namespace Grid.Cluster.Tests.Feeds;

/// <summary>A node that follows feeds under test: this machine's sites allowed, reminders every second, stored in a SQLite file.</summary>
internal static class FeedSettings
{
    public static Dictionary<string, string?> For(Uri emulator, string sqlitePath)
    {
        var settings = GridSettings.OnSqlite(emulator, sqlitePath);
        foreach (var (key, value) in Following)
            settings[key] = value;
        return settings;
    }

    /// <summary>What following feeds under test changes: this machine's sites allowed, reminders every second.</summary>
    public static IReadOnlyDictionary<string, string?> Following { get; } = new Dictionary<string, string?>
    {
        ["Grid:Outbound:AllowPrivateNetworks"] = "true",
        ["Grid:Feeds:MinimumEvery"] = "00:00:01",
        ["Grid:Feeds:ReminderPeriod"] = "00:00:01",
        ["Grid:Feeds:MaxBackoff"] = "00:10:00",
    };
}
