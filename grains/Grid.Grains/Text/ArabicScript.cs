using System.Text;

namespace Grid.Grains.Text;

/// <summary>Measures how much of a text is written in Arabic or Latin script.</summary>
public static class ArabicScript
{
    /// <summary>The fraction of letters that are Arabic-script letters; 0 when the text has no letters.</summary>
    public static double ArabicLetterRatio(string text) => Ratio(text, IsArabicLetter);

    /// <summary>The fraction of letters that are Latin letters; 0 when the text has no letters.</summary>
    public static double LatinLetterRatio(string text) => Ratio(text, IsLatinLetter);

    /// <summary>Whether the text has at least one Arabic-script letter.</summary>
    public static bool ContainsArabic(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsArabicLetter(rune))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the rune is a letter of the Arabic script (all Arabic blocks, presentation forms included).</summary>
    public static bool IsArabicLetter(Rune rune) =>
        IsLetter(rune) && rune.Value is
            (>= 0x0600 and <= 0x06FF)
            or (>= 0x0750 and <= 0x077F)
            or (>= 0x0870 and <= 0x08FF)
            or (>= 0xFB50 and <= 0xFDFF)
            or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x1EE00 and <= 0x1EEFF);

    /// <summary>Whether the rune is a Latin letter (basic, Latin-1 and extended blocks).</summary>
    public static bool IsLatinLetter(Rune rune) =>
        IsLetter(rune) && rune.Value is
            (>= 'A' and <= 'Z')
            or (>= 'a' and <= 'z')
            or (>= 0x00C0 and <= 0x024F)
            or (>= 0x1E00 and <= 0x1EFF);

    // Tatweel is a Unicode letter but only stretches a word; counting it would let "ـــ" look like Arabic prose.
    private static bool IsLetter(Rune rune) => Rune.IsLetter(rune) && rune.Value != 0x0640;

    private static double Ratio(string text, Func<Rune, bool> isWanted)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = 0;
        var wanted = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsLetter(rune))
            {
                continue;
            }
            letters++;
            if (isWanted(rune))
            {
                wanted++;
            }
        }
        return letters == 0 ? 0 : (double)wanted / letters;
    }
}
