namespace Grid.OllamaEmulator.Content;

/// <summary>What is left of a prompt after it was fitted into the context window.</summary>
/// <param name="PromptTokens">Tokens of the whole prompt as sent.</param>
/// <param name="PromptEvalCount">Tokens the "model" evaluated: at most num_ctx.</param>
/// <param name="SourceText">The text to work on (the delimited last user message), cut at the front if the window cut into it.</param>
internal sealed record FittedPrompt(int PromptTokens, int PromptEvalCount, string SourceText);
