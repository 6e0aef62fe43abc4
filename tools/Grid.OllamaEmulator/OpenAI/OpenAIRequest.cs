using Grid.OllamaEmulator.Wire;

namespace Grid.OllamaEmulator.OpenAI;

/// <summary>A <c>/v1/chat/completions</c> request: the common completion request, and whether to add usage to the stream.</summary>
internal sealed record OpenAIRequest(CompletionRequest Completion, bool IncludeUsage);
