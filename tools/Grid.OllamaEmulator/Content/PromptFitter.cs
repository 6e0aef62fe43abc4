using Grid.OllamaEmulator.Wire;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Fits a prompt into <c>num_ctx</c> silently, as Ollama does: first older turns are dropped
/// (system messages and the last message stay), then the runner cuts tokens from the front of
/// what is left, which may eat into the text to translate.
/// </summary>
internal static class PromptFitter
{
    // Chat-template tokens around each message ("<|im_start|>user\n" ... "<|im_end|>\n") and the
    // assistant header that ends the prompt.
    private const int TurnHeader = 3;
    private const int TurnFooter = 2;
    private const int AssistantHeader = 3;

    public static FittedPrompt Fit(CompletionRequest request, int numCtx)
    {
        var turns = request.Turns.ToList();
        var sourceIndex = turns.FindLastIndex(turn => turn.Role == "user");
        var promptTokens = Count(turns);

        // Ollama's chat prompt builder drops the oldest non-system turns until the prompt fits.
        while (Count(turns) > numCtx && DroppableIndex(turns, sourceIndex) is { } drop)
        {
            turns.RemoveAt(drop);
            if (drop < sourceIndex)
                sourceIndex--;
        }

        var source = sourceIndex < 0 ? "" : turns[sourceIndex].Content;
        var range = DelimitedText.Find(source);
        var sourceText = source[range];
        var total = Count(turns);
        if (total <= numCtx)
            return new FittedPrompt(promptTokens, total, sourceText);

        // The runner then keeps only the last num_ctx tokens.
        var excess = total - numCtx;
        var before = sourceIndex < 0 ? total : TokensBefore(turns, sourceIndex) + TokenEstimator.Count(source[..range.Start.GetOffset(source.Length)]);
        var cutFromSource = Math.Max(0, excess - before);
        var sourceTokens = TokenEstimator.Count(sourceText);
        return new FittedPrompt(promptTokens, numCtx, TokenEstimator.KeepLast(sourceText, sourceTokens - cutFromSource));
    }

    private static int? DroppableIndex(List<ChatTurn> turns, int keep)
    {
        var index = turns.FindIndex(turn => turn.Role != "system");
        return index >= 0 && index != keep && index < turns.Count - 1 ? index : null;
    }

    private static int Count(IEnumerable<ChatTurn> turns) =>
        turns.Sum(turn => TurnHeader + TokenEstimator.Count(turn.Content) + TurnFooter) + AssistantHeader;

    private static int TokensBefore(List<ChatTurn> turns, int index) => Count(turns.Take(index)) - AssistantHeader + TurnHeader;
}
