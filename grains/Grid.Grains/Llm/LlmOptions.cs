namespace Grid.Grains.Llm;

/// <summary>The LLM boundary's settings: <c>Grid:Llm</c>.</summary>
public sealed class LlmOptions
{
    public const string Section = "Grid:Llm";

    public string Model { get; set; } = "qwen2.5:7b";

    public List<LlmEndpointOptions> Endpoints { get; set; } = [];

    /// <summary>The context window sent as <c>num_ctx</c> on every call; Ollama's own default (2048-4096) silently cuts long prompts.</summary>
    public int ContextTokens { get; set; } = 8192;

    /// <summary>Fixed seed with temperature 0, so the same chunk gives the same answer.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How long the backend keeps the model loaded between calls.</summary>
    public string KeepAlive { get; set; } = "30m";

    /// <summary>How long one HTTP request to a backend may take; LLM calls on a busy server take minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts per piece of LLM work before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First backoff after a retryable failure; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The endpoints to use: the configured ones, or the local Ollama default.</summary>
    public IReadOnlyList<LlmEndpointOptions> EffectiveEndpoints => Endpoints.Count > 0 ? Endpoints : [new LlmEndpointOptions()];
}
