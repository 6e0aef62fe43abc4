namespace Grid.Grains.Llm;

/// <summary>One LLM backend: <c>Grid:Llm:Endpoints:N</c>.</summary>
public sealed class LlmEndpointOptions
{
    public string Url { get; set; } = "http://localhost:11434";

    /// <summary>Requests the backend serves at once (Ollama's OLLAMA_NUM_PARALLEL).</summary>
    public int Slots { get; set; } = 1;

    public LlmEndpointKind Kind { get; set; } = LlmEndpointKind.Ollama;
}
