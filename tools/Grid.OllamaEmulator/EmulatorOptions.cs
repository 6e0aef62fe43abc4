using Grid.OllamaEmulator.Catalog;
using Microsoft.Extensions.Configuration;

namespace Grid.OllamaEmulator;

/// <summary>
/// Start-up settings of the emulator. Bound from the configuration root, so the command line
/// flags are the kebab-case names below (<c>--max-queue 4</c>, <c>--fault-busy 0.1</c>).
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Comma-separated model names the server knows; a name without a tag gets <c>:latest</c>.</summary>
    [ConfigurationKeyName("models")]
    public string Models { get; set; } = "qwen2.5:7b";

    /// <summary>Requests served at once (Ollama's <c>OLLAMA_NUM_PARALLEL</c>); the rest wait in FIFO order.</summary>
    [ConfigurationKeyName("slots")]
    public int Slots { get; set; } = 1;

    /// <summary>Waiting requests allowed (Ollama's <c>OLLAMA_MAX_QUEUE</c>); one more is answered 503.</summary>
    [ConfigurationKeyName("max-queue")]
    public int MaxQueue { get; set; } = 512;

    /// <summary>Output pacing; 0 sends every token at once.</summary>
    [ConfigurationKeyName("tokens-per-second")]
    public double TokensPerSecond { get; set; } = 200;

    /// <summary>Delay before the first token (prompt evaluation time).</summary>
    [ConfigurationKeyName("ttft-ms")]
    public int TtftMs { get; set; }

    /// <summary>Context used when a request sends no <c>num_ctx</c>; prompts beyond it are cut silently, as Ollama does.</summary>
    [ConfigurationKeyName("default-num-ctx")]
    public int DefaultNumCtx { get; set; } = 4096;

    /// <summary>Context length the models report in <c>/api/show</c>.</summary>
    [ConfigurationKeyName("context-length")]
    public int ContextLength { get; set; } = 32768;

    /// <summary>Seed of the fault dice, so a run with the same requests draws the same faults.</summary>
    [ConfigurationKeyName("seed")]
    public int Seed { get; set; } = 42;

    [ConfigurationKeyName("fault-busy")]
    public double FaultBusy { get; set; }

    [ConfigurationKeyName("fault-midstream-error")]
    public double FaultMidstreamError { get; set; }

    [ConfigurationKeyName("fault-truncate")]
    public double FaultTruncate { get; set; }

    [ConfigurationKeyName("fault-preamble")]
    public double FaultPreamble { get; set; }

    [ConfigurationKeyName("fault-untranslated")]
    public double FaultUntranslated { get; set; }

    [ConfigurationKeyName("fault-hang")]
    public double FaultHang { get; set; }

    [ConfigurationKeyName("fault-name-variant")]
    public double FaultNameVariant { get; set; }

    [ConfigurationKeyName("fault-stall")]
    public double FaultStall { get; set; }

    [ConfigurationKeyName("fault-obey-injection")]
    public double FaultObeyInjection { get; set; }

    [ConfigurationKeyName("fault-obey-injection-whole")]
    public double FaultObeyInjectionWhole { get; set; }

    /// <summary>The model names, normalized (trimmed, tagged).</summary>
    public IReadOnlyList<string> ModelNames =>
        [.. Models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ModelName.Normalize)];

    /// <summary>Reads the options from a configuration root (command line, environment, in-memory).</summary>
    public static EmulatorOptions FromConfiguration(IConfiguration configuration) =>
        configuration.Get<EmulatorOptions>() ?? new EmulatorOptions();

    /// <summary>The fault probabilities and pacing these options start with.</summary>
    public RuntimeSettings ToRuntimeSettings() => new()
    {
        TokensPerSecond = TokensPerSecond,
        TtftMs = TtftMs,
        FaultBusy = FaultBusy,
        FaultMidstreamError = FaultMidstreamError,
        FaultTruncate = FaultTruncate,
        FaultPreamble = FaultPreamble,
        FaultUntranslated = FaultUntranslated,
        FaultHang = FaultHang,
        FaultNameVariant = FaultNameVariant,
        FaultStall = FaultStall,
        FaultObeyInjection = FaultObeyInjection,
        FaultObeyInjectionWhole = FaultObeyInjectionWhole,
    };

    /// <summary>Fails fast on settings that would make the emulator misbehave silently.</summary>
    public void Validate()
    {
        if (ModelNames.Count == 0)
            throw new ArgumentException("At least one model name is required (--models).");
        if (Slots < 1)
            throw new ArgumentException($"--slots must be at least 1, not {Slots}.");
        if (MaxQueue < 0)
            throw new ArgumentException($"--max-queue must not be negative, not {MaxQueue}.");
        if (DefaultNumCtx < 1 || ContextLength < 1)
            throw new ArgumentException("--default-num-ctx and --context-length must be positive.");
        ToRuntimeSettings().Validate();
    }
}
