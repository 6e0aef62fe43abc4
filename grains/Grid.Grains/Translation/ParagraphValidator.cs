using System.Text.RegularExpressions;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// Judges one paragraph piece's English against its own Arabic. The chunk-wide checks of
/// <see cref="TranslationValidator"/> let one piece replaced by something short (an obeyed instruction
/// planted in the article, a note, an untranslated piece among translated ones) hide in the total;
/// these rules do not.
/// </summary>
public static partial class ParagraphValidator
{
    /// <summary>English runs longer than the Arabic it translates (vowels are written); a quarter of it is not a translation.</summary>
    private const double MinLengthRatio = 0.3;
    private const double MaxLengthRatio = 5.0;

    /// <summary>Short pieces ("(أ ف ب)" → "(AFP)", "واس" → "Saudi Press Agency (SPA)") vary most; the bounds allow this much either way.</summary>
    private const int LengthSlack = 12;
    private const int ExpansionSlack = 40;

    private const double MaxArabicLetterRatio = 0.2;

    /// <summary>Why <paramref name="english"/> is not an acceptable translation of <paramref name="arabic"/>, or null.</summary>
    public static string? Problem(string english, string arabic) =>
        LengthProblem(english, arabic) ?? ScriptProblem(english) ?? NumbersProblem(english, arabic) ?? LeftoverProblem(english);

    public static string? LengthProblem(string english, string arabic)
    {
        var (en, ar) = (english.Trim().Length, arabic.Trim().Length);
        if (en < MinLengthRatio * ar - LengthSlack)
            return $"its English is too short for its Arabic ({en} characters for {ar})";
        if (en > MaxLengthRatio * ar + ExpansionSlack)
            return $"its English is too long for its Arabic ({en} characters for {ar})";
        return null;
    }

    public static string? ScriptProblem(string english)
    {
        var ratio = ArabicScript.ArabicLetterRatio(english);
        return ratio > MaxArabicLetterRatio ? $"{ratio:P0} of its letters are still Arabic" : null;
    }

    /// <summary>Every number of two digits or more in the Arabic must be in the English (a single digit may become a word).</summary>
    public static string? NumbersProblem(string english, string arabic)
    {
        var missing = SourceNumbers.MissingFrom(english, arabic);
        return missing.Count == 0 ? null : $"its English lacks the number(s) {string.Join(", ", missing)} of its Arabic";
    }

    /// <summary>What a model adds around a translation: our own delimiter tags, a preamble or a note on a line of its own.</summary>
    public static string? LeftoverProblem(string english)
    {
        if (PromptTag().Match(english) is { Success: true } tag)
            return $"its English holds the tag '{tag.Value}' of the prompt";
        if (AddedLine().Match(english) is { Success: true } line)
            return $"its English holds a line that is not translation: '{line.Value.Trim()}'";
        return null;
    }

    [GeneratedRegex(@"</?(source|context|draft|notes|translation|think|article)>", RegexOptions.IgnoreCase)]
    private static partial Regex PromptTag();

    [GeneratedRegex(@"^[ \t(\[*]*((here is|here's|below is)\b[^\n]{0,40}\btranslat|(translation|english|note|translator'?s note|notes)[ \t]*:)[^\n]*", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AddedLine();
}
