namespace Grid.OllamaEmulator;

/// <summary>
/// What can change while the emulator runs: output pacing and the probability (0..1) of each fault.
/// </summary>
public sealed record RuntimeSettings
{
    public double TokensPerSecond { get; init; } = 200;

    public int TtftMs { get; init; }

    /// <summary>Answer 503 "server busy" before queueing.</summary>
    public double FaultBusy { get; init; }

    /// <summary>Stream some tokens, then an <c>{"error":...}</c> line after the 200 status, then end.</summary>
    public double FaultMidstreamError { get; init; }

    /// <summary>Cut the answer short with <c>done_reason</c> "length".</summary>
    public double FaultTruncate { get; init; }

    /// <summary>Prefix the answer with "Here is the translation:\n\n".</summary>
    public double FaultPreamble { get; init; }

    /// <summary>Answer with the source text unchanged.</summary>
    public double FaultUntranslated { get; init; }

    /// <summary>
    /// Render the glossary entries of a translation request in another spelling (<c>NameVariant</c>),
    /// whatever the glossary asks: one name comes out two ways across chunks.
    /// </summary>
    public double FaultNameVariant { get; init; }

    /// <summary>Take a slot and never answer until the client disconnects.</summary>
    public double FaultHang { get; init; }

    /// <summary>
    /// Send the headers and the first third of the answer, then nothing more until the client hangs up
    /// (a stuck GPU, a connection dropped without a reset); the slot is freed then, as Ollama frees it.
    /// </summary>
    public double FaultStall { get; init; }

    /// <summary>
    /// Obey an instruction planted in the text to translate (<c>PlantedInstruction</c>): the planted
    /// paragraph's "translation" is the payload, the other paragraphs are translated.
    /// </summary>
    public double FaultObeyInjection { get; init; }

    /// <summary>Obey a planted instruction with the whole answer: the payload alone, in place of every paragraph.</summary>
    public double FaultObeyInjectionWhole { get; init; }

    public void Validate()
    {
        if (TokensPerSecond < 0 || double.IsNaN(TokensPerSecond))
            throw new ArgumentException($"tokens-per-second must be 0 or more, not {TokensPerSecond}.");
        if (TtftMs < 0)
            throw new ArgumentException($"ttft-ms must be 0 or more, not {TtftMs}.");
        foreach (var (name, value) in Probabilities())
        {
            if (!(value is >= 0 and <= 1))
                throw new ArgumentException($"{name} is a probability between 0 and 1, not {value}.");
        }
    }

    private IEnumerable<(string Name, double Value)> Probabilities() =>
    [
        ("fault-busy", FaultBusy),
        ("fault-midstream-error", FaultMidstreamError),
        ("fault-truncate", FaultTruncate),
        ("fault-preamble", FaultPreamble),
        ("fault-untranslated", FaultUntranslated),
        ("fault-hang", FaultHang),
        ("fault-name-variant", FaultNameVariant),
        ("fault-stall", FaultStall),
        ("fault-obey-injection", FaultObeyInjection),
        ("fault-obey-injection-whole", FaultObeyInjectionWhole),
    ];
}
