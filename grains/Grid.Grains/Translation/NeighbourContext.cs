namespace Grid.Grains.Translation;

/// <summary>
/// The end of the previous chunk's Arabic that a chunk's prompt carries, so a pronoun or a short name
/// can be resolved without sending the whole document with every chunk (the cost stays linear).
/// </summary>
public static class NeighbourContext
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '؟', '؛', '\n'];

    /// <summary>
    /// At most <paramref name="budgetChars"/> characters from the end of <paramref name="previous"/>:
    /// from the first sentence start within the budget when that keeps a third of it or more, else
    /// from the first word start; null when there is no previous chunk or no budget.
    /// </summary>
    public static string? Before(string? previous, int budgetChars)
    {
        if (string.IsNullOrWhiteSpace(previous) || budgetChars <= 0)
            return null;
        var text = previous.Trim();
        if (text.Length <= budgetChars)
            return text;

        var start = text.Length - budgetChars;
        // A sentence that ends inside the window lets the context begin cleanly after it.
        var sentenceEnd = text.IndexOfAny(SentenceEnds, start);
        if (sentenceEnd >= 0 && text.Length - sentenceEnd - 1 >= budgetChars / 3)
            return text[(sentenceEnd + 1)..].Trim();
        var space = text.IndexOf(' ', start);
        return space >= 0 && space < text.Length - 1 ? text[(space + 1)..].Trim() : null;
    }
}
