namespace Grid.Client.Evaluation;

/// <summary>
/// How chrF reads text, matching sacreBLEU (whose reference values are Python's): whitespace is what
/// Python's <c>str.split()</c> splits on, and a character is a Unicode code point, so an emoji is one
/// character, not two UTF-16 halves.
/// </summary>
internal static class ChrFText
{
    /// <summary>ASCII punctuation, which chrF++ splits off the start or end of a word.</summary>
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Python also splits on the information separators U+001C..U+001F, which .NET does not count as whitespace.</summary>
    public static bool IsWhitespace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    public static string RemoveWhitespace(string text) => string.Concat(text.Where(c => !IsWhitespace(c)));

    public static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || IsWhitespace(text[i]);
            if (boundary && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }
        return words;
    }

    /// <summary>
    /// The words of chrF++'s word n-grams: one punctuation mark is split off the end of a word, or else off
    /// its start ("(hi)" becomes "(hi" and ")", as in sacreBLEU and Popović's chrF++).
    /// </summary>
    public static List<string> WordsWithPunctuationApart(string text)
    {
        var words = new List<string>();
        foreach (var word in SplitWords(text))
        {
            // Length counts UTF-16 units: an emoji alone has two, but neither half is punctuation, so it stays whole as in Python.
            if (word.Length > 1 && Punctuation.Contains(word[^1]))
                words.AddRange([word[..^1], word[^1..]]);
            else if (word.Length > 1 && Punctuation.Contains(word[0]))
                words.AddRange([word[..1], word[1..]]);
            else
                words.Add(word);
        }
        return words;
    }

    /// <summary>The UTF-16 offset where each code point starts, plus the text's length at the end.</summary>
    public static int[] CodePointStarts(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            starts.Add(i);
        starts.Add(text.Length);
        return [.. starts];
    }
}
