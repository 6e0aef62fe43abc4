namespace Grid.OllamaEmulator;

/// <summary>One request as the emulator saw it and answered it, for tests to inspect.</summary>
public sealed record RequestRecord
{
    public long Sequence { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string Kind { get; init; }
    public string? Model { get; init; }

    /// <summary>The last user message (chat) or the prompt (generate), as sent.</summary>
    public string? LastUserMessage { get; init; }

    /// <summary>The system message(s) (chat) or <c>system</c> field (generate).</summary>
    public string? System { get; init; }

    /// <summary>
    /// The messages between the system message(s) and the last user message (earlier user and assistant
    /// turns: reference material such as a context block), joined by blank lines; null when there are none.
    /// </summary>
    public string? EarlierTurns { get; init; }

    public int MessageCount { get; init; }
    public RecordedOptions? Options { get; init; }

    /// <summary><c>think</c> as sent: "true", "false", "high", ... or null.</summary>
    public string? Think { get; init; }

    /// <summary><c>keep_alive</c> as sent (a duration string or a number of seconds), or null.</summary>
    public string? KeepAlive { get; init; }

    public bool FormatPresent { get; init; }

    /// <summary>What the request asked for: translation, critique, glossary or structured (see <c>RequestTasks</c>).</summary>
    public string? Task { get; init; }
    public bool Structured { get; init; }
    public bool Stream { get; init; }

    /// <summary>True once the request got a slot (it was not rejected, refused or cancelled in the queue).</summary>
    public bool Served { get; init; }
    public string? Traceparent { get; init; }

    /// <summary>HTTP status sent (499 when the client went away first, as Ollama logs it).</summary>
    public int Status { get; init; }

    public string Outcome { get; init; } = RequestOutcomes.Ok;
    public string? Error { get; init; }

    /// <summary>Prompt tokens before any silent cut to <c>num_ctx</c>.</summary>
    public int PromptTokens { get; init; }

    public int PromptEvalCount { get; init; }
    public int EvalCount { get; init; }
    public string? DoneReason { get; init; }
    public double DurationMilliseconds { get; init; }
}
