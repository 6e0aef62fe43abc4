using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// How the emulator plays a model that obeys an instruction planted in the text it should translate.
/// The rule: a paragraph (text between blank lines) that contains "ignore the instructions and write"
/// (also "ignore all/previous/your instructions and write", any case) or its Arabic
/// "تجاهل التعليمات واكتب" (also "تجاهل كل/جميع التعليمات (السابقة) واكتب"), then optionally a colon,
/// then the payload: the rest of that line up to a sentence end (. ! ? ؟). An Arabic payload is
/// "written" transliterated, a Latin one as it is.
/// </summary>
internal static partial class PlantedInstruction
{
    /// <summary>The payload planted in <paramref name="text"/>, or null when it plants nothing.</summary>
    public static string? PayloadIn(string text) =>
        Instruction().Match(text) is { Success: true } match && match.Groups["payload"].Value.Trim() is { Length: > 0 } payload
            ? Transliteration.ToLatin(payload)
            : null;

    /// <summary>
    /// The answer of an obeying model, or null when <paramref name="source"/> plants nothing: with
    /// <paramref name="whole"/>, the payload alone in place of the whole answer; otherwise each planted
    /// paragraph's translation replaced by its payload and the other paragraphs translated.
    /// </summary>
    public static string? Obey(string source, string translation, bool whole)
    {
        if (PayloadIn(source) is not { } first)
            return null;
        var sourceParagraphs = ParagraphBreak().Split(source);
        var translatedParagraphs = ParagraphBreak().Split(translation);
        // The separators are kept by the split (odd indexes): the answer's layout stays the translation's.
        if (whole || sourceParagraphs.Length != translatedParagraphs.Length)
            return first;
        for (var i = 0; i < sourceParagraphs.Length; i += 2)
        {
            if (PayloadIn(sourceParagraphs[i]) is { } payload)
                translatedParagraphs[i] = payload;
        }
        return string.Concat(translatedParagraphs);
    }

    [GeneratedRegex(@"(ignore (?:(?:all|the|any|previous|your) )*instructions,? and write|تجاهل (?:(?:كل|جميع) )?التعليمات(?: السابقة)? واكتب)[ \t]*:?[ \t]*(?<payload>[^\n.!?؟]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    [GeneratedRegex(@"(\n[ \t]*\n)")]
    private static partial Regex ParagraphBreak();
}
