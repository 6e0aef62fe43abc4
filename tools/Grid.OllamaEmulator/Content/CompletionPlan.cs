namespace Grid.OllamaEmulator.Content;

/// <summary>What a chat/generate request will be answered with, decided before anything is sent.</summary>
/// <param name="Tokens">The answer's tokens, already cut to their final length.</param>
/// <param name="DoneReason">"stop" or "length".</param>
/// <param name="ErrorAfterTokens">When set, the stream breaks with an error line after this many tokens.</param>
/// <param name="StallAfterTokens">When set, the answer goes silent after this many tokens until the client hangs up.</param>
/// <param name="Outcome">The <see cref="RequestOutcomes"/> value the request will be counted under.</param>
/// <param name="PromptTokens">Tokens of the prompt as sent.</param>
/// <param name="PromptEvalCount">Tokens of the prompt after the silent cut to num_ctx.</param>
/// <param name="Structured">True when the answer is a JSON document (the request had a format).</param>
/// <param name="Task">What the request asked for (<see cref="RequestTasks"/>).</param>
internal sealed record CompletionPlan(
    IReadOnlyList<string> Tokens,
    string DoneReason,
    int? ErrorAfterTokens,
    string Outcome,
    int PromptTokens,
    int PromptEvalCount,
    bool Structured,
    string Task,
    int? StallAfterTokens = null)
{
    /// <summary>The runner's message when it dies mid-answer; Ollama forwards it as an error line.</summary>
    public const string MidstreamErrorMessage = "an error was encountered while running the model: unexpected EOF";

    public int EvalCount => StallAfterTokens ?? ErrorAfterTokens ?? Tokens.Count;

    /// <summary>Tokens sent before the answer ends, breaks or goes silent.</summary>
    public int TokensToSend => StallAfterTokens ?? ErrorAfterTokens ?? Tokens.Count;
}
