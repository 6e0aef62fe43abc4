namespace Grid.Cluster.Tests.RealOllama;

/// <summary>
/// Where a real Ollama is, when one is: <c>GRID_TEST_OLLAMA_URL</c> (e.g. http://localhost:11434),
/// with the model in <c>GRID_TEST_OLLAMA_MODEL</c> (default qwen2.5:7b, pulled beforehand) and the
/// requests it serves at once in <c>GRID_TEST_OLLAMA_SLOTS</c> (its OLLAMA_NUM_PARALLEL, default 1).
/// </summary>
internal static class RealOllama
{
    public const string UrlVariable = "GRID_TEST_OLLAMA_URL";

    public static Uri? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? new Uri(url) : null;

    public static string Model => Environment.GetEnvironmentVariable("GRID_TEST_OLLAMA_MODEL") is { Length: > 0 } model ? model : "qwen2.5:7b";

    public static int Slots => int.TryParse(Environment.GetEnvironmentVariable("GRID_TEST_OLLAMA_SLOTS"), out var slots) && slots > 0 ? slots : 1;

    /// <summary>A model on a CPU takes minutes for an article; on a GPU, seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);
}
