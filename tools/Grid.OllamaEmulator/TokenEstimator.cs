using System.Globalization;

namespace Grid.OllamaEmulator;

/// <summary>
/// A deterministic stand-in for a tokenizer, used for every count the emulator reports
/// (<c>prompt_eval_count</c>, <c>eval_count</c>, <c>num_ctx</c>, <c>num_predict</c>).
/// A token is a run of at most 4 letters/digits (3 in Arabic script, which real tokenizers split
/// finer) or one other character, carrying the whitespace before it. Tokens concatenate back to
/// the text exactly.
/// </summary>
public static class TokenEstimator
{
    private const int LatinRun = 4;
    private const int ArabicRun = 3;

    /// <summary>Number of tokens in <paramref name="text"/>.</summary>
    public static int Count(string text)
    {
        var count = 0;
        for (var start = 0; start < text.Length; start = NextTokenEnd(text, start))
            count++;
        return count;
    }

    /// <summary>The tokens of <paramref name="text"/>, in order; joined they give the text back.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var tokens = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = NextTokenEnd(text, start);
            tokens.Add(text[start..end]);
            start = end;
        }
        return tokens;
    }

    /// <summary>The last <paramref name="count"/> tokens of the text (what survives a cut from the front).</summary>
    public static string KeepLast(string text, int count)
    {
        var tokens = Split(text);
        return count >= tokens.Count ? text : string.Concat(tokens.Skip(tokens.Count - Math.Max(count, 0)));
    }

    private static int NextTokenEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        if (i == text.Length)
            return i;

        if (!IsWordChar(text[i]))
            return char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? i + 2 : i + 1;

        var arabic = IsArabicScript(text[i]);
        var limit = arabic ? ArabicRun : LatinRun;
        var run = 0;
        while (i < text.Length && run < limit && IsWordChar(text[i]) && IsArabicScript(text[i]) == arabic)
        {
            i++;
            run++;
        }
        return i;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    internal static bool IsArabicScript(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');
}
