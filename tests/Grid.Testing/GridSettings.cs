namespace Grid.Testing;

/// <summary>Configuration for a Grid node under test: the emulator as the only backend, small chunks, fast retries.</summary>
public static class GridSettings
{
    public static Dictionary<string, string?> For(Uri emulator, string model = "qwen2.5:7b", int slots = 2) => new()
    {
        ["Grid:Llm:Model"] = model,
        ["Grid:Llm:Endpoints:0:Url"] = emulator.ToString(),
        ["Grid:Llm:Endpoints:0:Slots"] = slots.ToString(),
        ["Grid:Llm:RetryDelay"] = "00:00:00.010",
        ["Grid:Articles:ChunkTokens"] = ChunkTokens.ToString(),
        ["Grid:Articles:WatchdogPeriod"] = "00:00:01",
    };

    /// <summary>The settings of <see cref="For"/> on Redis clustering and storage, in the cluster <paramref name="clusterId"/>.</summary>
    public static Dictionary<string, string?> OnRedis(Uri emulator, string redis, string clusterId, int slots)
    {
        var settings = For(emulator, slots: slots);
        settings["Grid:Clustering"] = "Redis";
        settings["Grid:Storage"] = "Redis";
        settings["Grid:Redis"] = redis;
        settings["Grid:ClusterId"] = clusterId;
        return settings;
    }

    /// <summary>The settings of <see cref="For"/> on a SQLite file (the default storage) at <paramref name="path"/>.</summary>
    public static Dictionary<string, string?> OnSqlite(Uri emulator, string path, int slots = 2)
    {
        var settings = For(emulator, slots: slots);
        settings["Grid:Storage"] = "Sqlite";
        settings["Grid:Sqlite:Path"] = path;
        return settings;
    }

    /// <summary>Small chunks, so that the seed article and generated ones need several.</summary>
    public const int ChunkTokens = 150;

    /// <summary>The work Grid makes of a text under these settings: what to compare the emulator's counts with.</summary>
    public static IReadOnlyList<string> ChunkKeys(string text, string model = "qwen2.5:7b") =>
        [.. Grid.Grains.Articles.ArticleDraft.Create(new(text), new() { ChunkTokens = ChunkTokens }, model).State!.Plan!.Work().Select(item => item.Key)];

    /// <summary>What the emulator answers for an Arabic text: its transliteration, whitespace collapsed for comparison.</summary>
    public static string ExpectedEnglish(string arabic) => Collapse(Grid.OllamaEmulator.Transliteration.ToLatin(arabic));

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
