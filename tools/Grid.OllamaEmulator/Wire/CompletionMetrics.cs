namespace Grid.OllamaEmulator.Wire;

/// <summary>The timing and token counts of Ollama's final <c>done</c> object.</summary>
internal readonly record struct CompletionMetrics(
    TimeSpan TotalDuration,
    TimeSpan LoadDuration,
    int PromptEvalCount,
    TimeSpan PromptEvalDuration,
    int EvalCount,
    TimeSpan EvalDuration);
