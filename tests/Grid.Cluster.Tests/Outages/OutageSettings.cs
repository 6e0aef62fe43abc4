namespace Grid.Cluster.Tests.Outages;

/// <summary>A silo whose only backend is at a given loopback port, with outage timings shortened for tests.</summary>
internal static class OutageSettings
{
    public static Dictionary<string, string?> For(int backendPort, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = GridSettings.For(new Uri($"http://127.0.0.1:{backendPort}/"));
        settings["Grid:Llm:MaxRetryDelay"] = "00:00:00.500";
        settings["Grid:Llm:CircuitBreakTime"] = "00:00:00.200";
        settings["Grid:Llm:CircuitMaxBreakTime"] = "00:00:01";
        settings["Grid:Llm:CheckPeriod"] = "00:00:01";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }
}
