using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Finds the text to translate inside a user message: the inside of delimiter tags such as
/// <c>&lt;source&gt;...&lt;/source&gt;</c> when the message has them, else the whole message.
/// Tags count only at the start of a line, so inline markup in an article is not mistaken for them.
/// </summary>
internal static partial class DelimitedText
{
    /// <summary>The range of the text to translate within <paramref name="message"/>.</summary>
    public static Range Find(string message)
    {
        foreach (Match open in OpeningTag().Matches(message))
        {
            var name = open.Groups["name"].Value;
            var close = message.LastIndexOf("</" + name + ">", StringComparison.Ordinal);
            if (close < open.Index + open.Length)
                continue;

            var start = open.Index + open.Length;
            var end = close;
            // The line breaks that only set the tags on their own lines are layout, not text.
            start += LineBreakLength(message.AsSpan(start, end - start), atStart: true);
            end -= LineBreakLength(message.AsSpan(start, end - start), atStart: false);
            return start..end;
        }
        return 0..message.Length;
    }

    public static string Extract(string message) => message[Find(message)];

    private static int LineBreakLength(ReadOnlySpan<char> text, bool atStart)
    {
        if (atStart)
            return text.StartsWith("\r\n") ? 2 : text.StartsWith("\n") ? 1 : 0;
        return text.EndsWith("\r\n") ? 2 : text.EndsWith("\n") ? 1 : 0;
    }

    [GeneratedRegex(@"^[ \t]*<(?<name>[A-Za-z][\w.-]*)>", RegexOptions.Multiline)]
    private static partial Regex OpeningTag();
}
