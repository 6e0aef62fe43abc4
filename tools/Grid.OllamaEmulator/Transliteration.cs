using System.Collections.Frozen;
using System.Text;

namespace Grid.OllamaEmulator;

/// <summary>
/// The emulator's "translation": a fixed letter-by-letter romanization of Arabic. Everything that
/// is not Arabic script (Latin text, spaces, line breaks, quotes) passes through, so line and
/// paragraph structure survives exactly and callers can compute the expected English.
/// </summary>
public static class Transliteration
{
    private static readonly FrozenDictionary<char, string> ArabicToLatin = new Dictionary<char, string>
    {
        ['ء'] = "'", ['آ'] = "aa", ['أ'] = "a", ['ؤ'] = "u", ['إ'] = "i", ['ئ'] = "y", ['ا'] = "a",
        ['ب'] = "b", ['ة'] = "a", ['ت'] = "t", ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh",
        ['د'] = "d", ['ذ'] = "dh", ['ر'] = "r", ['ز'] = "z", ['س'] = "s", ['ش'] = "sh", ['ص'] = "s",
        ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z", ['ع'] = "'", ['غ'] = "gh", ['ف'] = "f", ['ق'] = "q",
        ['ك'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n", ['ه'] = "h", ['و'] = "w", ['ى'] = "a",
        ['ي'] = "y", ['ٱ'] = "a", ['پ'] = "p", ['چ'] = "ch", ['ڤ'] = "v", ['گ'] = "g", ['ک'] = "k",
        ['ی'] = "y", ['ۀ'] = "h", ['ہ'] = "h", ['ھ'] = "h",
        ['،'] = ",", ['؛'] = ";", ['؟'] = "?", ['٪'] = "%", ['٫'] = ".", ['٬'] = ",", ['۔'] = ".",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> LatinToArabic = new Dictionary<string, string>
    {
        ["sh"] = "ش", ["th"] = "ث", ["kh"] = "خ", ["gh"] = "غ", ["dh"] = "ذ",
        ["a"] = "ا", ["b"] = "ب", ["c"] = "ك", ["d"] = "د", ["e"] = "ي", ["f"] = "ف", ["g"] = "ج",
        ["h"] = "ه", ["i"] = "ي", ["j"] = "ج", ["k"] = "ك", ["l"] = "ل", ["m"] = "م", ["n"] = "ن",
        ["o"] = "و", ["p"] = "ب", ["q"] = "ق", ["r"] = "ر", ["s"] = "س", ["t"] = "ت", ["u"] = "و",
        ["v"] = "ف", ["w"] = "و", ["x"] = "كس", ["y"] = "ي", ["z"] = "ز",
        [","] = "،", [";"] = "؛", ["?"] = "؟",
    }.ToFrozenDictionary();

    /// <summary>
    /// Arabic letters to Latin letters, ، ؛ ؟ to , ; ?, Arabic-Indic digits to ASCII digits;
    /// diacritics and other Arabic marks are dropped; every other character is kept as it is.
    /// </summary>
    public static string ToLatin(string text)
    {
        var latin = new StringBuilder(text.Length + text.Length / 4);
        foreach (var c in text)
        {
            if (c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC')
            {
                // Presentation forms (ligatures, positional glyphs) decompose to ordinary letters first.
                foreach (var letter in c.ToString().Normalize(NormalizationForm.FormKC))
                    AppendLatin(latin, letter);
            }
            else
            {
                AppendLatin(latin, c);
            }
        }
        return latin.ToString();
    }

    /// <summary>A rough reverse: Latin letters to Arabic letters, for answers that must be in Arabic script.</summary>
    public static string ToArabic(string text)
    {
        var arabic = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (i + 1 < text.Length && LatinToArabic.TryGetValue(text.Substring(i, 2).ToLowerInvariant(), out var pair))
            {
                arabic.Append(pair);
                i += 2;
            }
            else
            {
                arabic.Append(LatinToArabic.TryGetValue(char.ToLowerInvariant(text[i]).ToString(), out var letter) ? letter : text[i].ToString());
                i++;
            }
        }
        return arabic.ToString();
    }

    /// <summary>True when the text has at least one Arabic-script letter.</summary>
    public static bool ContainsArabic(string text) => text.Any(c => TokenEstimator.IsArabicScript(c) && char.IsLetter(c));

    private static void AppendLatin(StringBuilder latin, char c)
    {
        if (ArabicToLatin.TryGetValue(c, out var mapped))
            latin.Append(mapped);
        else if (c is >= '\u0660' and <= '\u0669')
            latin.Append((char)('0' + (c - '\u0660')));
        else if (c is >= '\u06F0' and <= '\u06F9')
            latin.Append((char)('0' + (c - '\u06F0')));
        else if (!TokenEstimator.IsArabicScript(c))
            latin.Append(c);
        // Anything else in the Arabic blocks (harakat, tatweel, Quranic marks) has no Latin letter.
    }
}
