namespace Grid.Grains.Text;

/// <summary>
/// Paragraphs packed in order into windows that fit a budget, each window's paragraphs joined by a
/// blank line: for a call that must carry a whole text but cannot take it at once.
/// </summary>
public static class ParagraphWindows
{
    /// <summary>As many whole paragraphs to a window as fit <paramref name="budget"/>, measured by <paramref name="cost"/>; a paragraph over the budget has a window of its own.</summary>
    public static List<string> Of(IReadOnlyList<string> paragraphs, int budget, Func<string, int> cost)
    {
        var windows = new List<string>();
        var window = new List<string>();
        var used = 0;
        foreach (var paragraph in paragraphs)
        {
            var size = cost(paragraph);
            if (window.Count > 0 && used + size > budget)
            {
                windows.Add(string.Join("\n\n", window));
                (window, used) = ([], 0);
            }
            window.Add(paragraph);
            used += size;
        }
        if (window.Count > 0)
            windows.Add(string.Join("\n\n", window));
        return windows;
    }
}
