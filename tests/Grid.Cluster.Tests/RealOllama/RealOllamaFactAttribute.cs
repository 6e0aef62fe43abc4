namespace Grid.Cluster.Tests.RealOllama;

/// <summary>A test that needs a real model: skipped, saying how to run it, unless <c>GRID_TEST_OLLAMA_URL</c> is set.</summary>
public sealed class RealOllamaFactAttribute : FactAttribute
{
    public RealOllamaFactAttribute()
    {
        // A real model on a real GPU (or a CPU) takes minutes, not the emulator's seconds.
        Timeout = 15 * 60 * 1000;
        if (RealOllama.Url is null)
            Skip = $"Needs a real Ollama: set {RealOllama.UrlVariable}=http://host:11434 (and GRID_TEST_OLLAMA_MODEL if not qwen2.5:7b, pulled there).";
    }
}
