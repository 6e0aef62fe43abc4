namespace Grid.Grains.Llm;

/// <summary>The wire protocol a backend speaks.</summary>
public enum LlmEndpointKind
{
    Ollama,
    OpenAI,
}
