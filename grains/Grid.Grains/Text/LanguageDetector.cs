using System.Text;

namespace Grid.Grains.Text;

/// <summary>
/// Tells Arabic from Persian and Urdu, which share its script, and from English, by letters each
/// language has and the others do not. Persian writes پ چ ژ گ and its own kaf ک and yeh ی where
/// Arabic has ك and ي, and never ة or ى; Urdu adds ٹ ڈ ڑ ں ے ہ. Arabic names in an Arabic article may
/// borrow a گ or a پ, so the Persian evidence must outweigh the Arabic (ة ى ي ك, the article ال,
/// words like في and على) to make a text Persian, not merely appear in it. Persian typed on an
/// Arabic keyboard (ي for ی, ك for ک) still gives itself away by its little words (است, را, که,
/// در...) and the zero-width non-joiner of می‌کند.
/// </summary>
public static class LanguageDetector
{
    public const string Arabic = "ar";
    public const string Persian = "fa";
    public const string Urdu = "ur";
    public const string English = "en";
    public const string Unknown = "und";

    /// <summary>Letters Persian and Urdu write and Arabic does not: pe, tcheh, jeh, gaf, keheh, farsi yeh.</summary>
    private const string PersianLetters = "\u067E\u0686\u0698\u06AF\u06A9\u06CC";

    /// <summary>Letters of Urdu alone: tteh, ddal, rreh, noon ghunna, yeh barree, heh goal.</summary>
    private const string UrduLetters = "\u0679\u0688\u0691\u06BA\u06D2\u06C1";

    /// <summary>Letters of Arabic that Persian and Urdu spell otherwise: teh marbuta, alef maksura, Arabic yeh, Arabic kaf.</summary>
    private const string ArabicOnlyLetters = "\u0629\u0649\u064A\u0643";

    /// <summary>Little words of Persian that Arabic does not have, in either keyboard's spelling.</summary>
    private static readonly HashSet<string> PersianWords = ["است", "را", "که", "كه", "در", "از", "این", "اين", "آن", "می", "مي", "برای", "براي", "های", "هاي", "شد", "بود", "نیز", "نيز"];

    /// <summary>Little words of Arabic that Persian does not use.</summary>
    private static readonly HashSet<string> ArabicWords = ["في", "على", "إلى", "الى", "التي", "الذي", "أن", "إن", "قد", "كان", "هذا", "هذه", "عن", "مع", "لم", "لا"];

    private const char ZeroWidthNonJoiner = '\u200C';

    public static LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int letters = 0, arabicScript = 0, latin = 0, persian = 0, urdu = 0, arabicOnly = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
                continue;
            letters++;
            if (ArabicScript.IsLatinLetter(rune))
                latin++;
            if (!ArabicScript.IsArabicLetter(rune))
                continue;
            arabicScript++;
            var c = (char)rune.Value;
            if (UrduLetters.Contains(c))
                urdu++;
            else if (PersianLetters.Contains(c))
                persian++;
            else if (ArabicOnlyLetters.Contains(c))
                arabicOnly++;
        }

        if (letters == 0)
            return new(Unknown, 0, "the text has no letters");
        if (arabicScript < latin)
            return new(English, Percent(latin, letters), $"{latin} of its {letters} letters are Latin");

        var (persianWords, arabicWords) = Words(text);
        var persianEvidence = persian + 2 * persianWords + 2 * text.Count(c => c == ZeroWidthNonJoiner);
        var arabicEvidence = arabicOnly + 2 * arabicWords;
        var script = (double)arabicScript / letters;
        // Urdu: its own letters are common (ے ends many words); a couple in a long Arabic text would be a borrowed name.
        if (urdu >= 2 && urdu * 50 >= arabicScript)
            return new(Urdu, Percent(script * (urdu + persian), urdu + persian + arabicOnly),
                $"it is written with Urdu letters (ٹ ڈ ڑ ں ے ہ: {urdu} of its {arabicScript} Arabic-script letters)");
        if (persianEvidence >= 3 && persianEvidence > arabicEvidence)
            return new(Persian, Percent(script * persianEvidence, persianEvidence + arabicEvidence),
                $"it is written with Persian letters (پ چ ژ گ ک ی: {persian}) and words (است، را، که...: {persianWords}) rather than Arabic ones (ة ى ي ك: {arabicOnly}; في، على...: {arabicWords})");
        return new(Arabic, Percent(script * (arabicEvidence + 1), arabicEvidence + persianEvidence + 1),
            $"{arabicScript} of its {letters} letters are Arabic script, in Arabic spelling (ة ى ي ك: {arabicOnly}; في، على...: {arabicWords}; Persian letters: {persian})");
    }

    /// <summary>How many words of the text are Persian's little words, and how many Arabic's (or carry Arabic's article ال).</summary>
    private static (int Persian, int Arabic) Words(string text)
    {
        int persian = 0, arabic = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetter(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var word = text[start..i];
                if (PersianWords.Contains(word))
                    persian++;
                else if (ArabicWords.Contains(word) || (word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal)))
                    arabic++;
                start = -1;
            }
        }
        return (persian, arabic);
    }

    private static double Percent(double part, int whole) => whole == 0 ? 0 : Math.Round(100 * part / whole, 1);
}
