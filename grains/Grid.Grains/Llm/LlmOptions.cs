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

    /// <summary>
    /// The temperature of an ask after an answer failed its checks (untranslated, cut short, the wrong
    /// number of paragraphs...), with the next seed: at temperature 0 and the same seed a model would
    /// give the same answer again, and every retry would be wasted.
    /// </summary>
    public double RetryTemperature { get; set; } = 0.4;

    /// <summary>How long the backend keeps the model loaded between calls.</summary>
    public string KeepAlive { get; set; } = "30m";

    /// <summary>How long one attempt may take in all, streaming included; a long chunk on a busy server takes minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest silence between two streamed pieces of an answer before the attempt is cut (a stuck GPU, a dropped connection).</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the first piece of an answer may take: longer than <see cref="StreamIdleTimeout"/>, as the backend may be loading the model.</summary>
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long work waits for a backend (all unreachable, out of rotation, or answering "busy")
    /// before it fails; waiting spends no attempt.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Attempts per piece of LLM work (answers that failed: rejected, cut off, a 5xx, a broken or stalled stream) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First backoff after a retryable failure; doubled per attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a slot is held for a silo without word from it. A silo renews its slots every third of
    /// this while its calls run, so the slots of a silo that dies come free after at most this long.
    /// </summary>
    public TimeSpan SlotLeaseTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most requests of one silo in the slot grains' lines at once; the rest wait in the silo, in the same order
    /// (priority, owners taking turns), at no cost to the slot grains (<see cref="Slots.SlotRequestGate"/>). Null, the
    /// default: twice the slots of all endpoints, and at least 8, so a slot that comes free always finds work waiting.
    /// </summary>
    public int? MaxQueuedPerSilo { get; set; }

    /// <summary>The bound in force: <see cref="MaxQueuedPerSilo"/>, or its default.</summary>
    public int EffectiveMaxQueuedPerSilo => MaxQueuedPerSilo ?? Math.Max(8, 2 * EffectiveEndpoints.Sum(endpoint => endpoint.Slots));

    /// <summary>Backend failures in a row that take an endpoint out of rotation.</summary>
    public int CircuitFailures { get; set; } = 5;

    /// <summary>How long an endpoint stays out of rotation before one trial call; doubled after each failed trial.</summary>
    public TimeSpan CircuitBreakTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest an endpoint stays out of rotation between two trial calls.</summary>
    public TimeSpan CircuitMaxBreakTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pull the model (<c>/api/pull</c>) on an Ollama endpoint that lacks it, instead of failing with a hint.</summary>
    public bool PullMissingModel { get; set; }

    /// <summary>How often each silo checks its endpoints (reachable, model present) for <c>/health</c>.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoints to use: the configured ones, or the local Ollama default.</summary>
    public IReadOnlyList<LlmEndpointOptions> EffectiveEndpoints => Endpoints.Count > 0 ? Endpoints : [new LlmEndpointOptions()];
}
