using Grid.Abstractions.Translation;

namespace Grid.Grains.Llm;

/// <summary>One call to a backend that did not produce an answer, classified for the retry loop.</summary>
public sealed class LlmCallFailure(string message, bool retryable, LlmFailureKind kind, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;

    public LlmFailureKind Kind { get; } = kind;

    /// <summary>The earliest a retry can help (every endpoint out of rotation until then); null when only the backoff applies.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>
    /// No backend took the request: refused or unreachable, out of rotation, or "not now" (503, 429).
    /// Not an attempt: the work waits and asks again, up to <see cref="LlmOptions.GiveUpAfter"/>.
    /// </summary>
    public bool BackendAbsent { get; init; }

    /// <summary>The endpoint that failed, so the retry can go to another.</summary>
    public LlmEndpoint? Endpoint { get; set; }
}
