namespace Grid.Cluster.Tests;

/// <summary>Configuration for a Grid node under test: the emulator as the only backend, small chunks, fast retries.</summary>
internal static class GridSettings
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

    /// <summary>Small chunks, so that the seed article and generated ones need several.</summary>
    public const int ChunkTokens = 150;

    /// <summary>The work Grid makes of a text under these settings: what to compare the emulator's counts with.</summary>
    public static IReadOnlyList<string> ChunkKeys(string text, string model = "qwen2.5:7b") =>
        [.. Grid.Grains.Articles.ArticleDraft.Create(new(text), new() { ChunkTokens = ChunkTokens }, model).State!.Plan!.Work().Select(item => item.Key)];

    /// <summary>What the emulator answers for an Arabic text: its transliteration, whitespace collapsed for comparison.</summary>
    public static string ExpectedEnglish(string arabic) => Collapse(Grid.OllamaEmulator.Transliteration.ToLatin(arabic));

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
