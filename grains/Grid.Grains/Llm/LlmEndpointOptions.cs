namespace Grid.Grains.Llm;

/// <summary>One LLM backend: <c>Grid:Llm:Endpoints:N</c>.</summary>
public sealed class LlmEndpointOptions
{
    public string Url { get; set; } = "http://localhost:11434";

    /// <summary>Requests the backend serves at once, for the whole cluster (Ollama's OLLAMA_NUM_PARALLEL, vLLM's max-num-seqs).</summary>
    public int Slots { get; set; } = 1;

    public LlmEndpointKind Kind { get; set; } = LlmEndpointKind.Ollama;

    /// <summary>Bearer key for an OpenAI-compatible server started with one (vLLM's <c>--api-key</c>); unused by Ollama.</summary>
    public string? ApiKey { get; set; }
}
