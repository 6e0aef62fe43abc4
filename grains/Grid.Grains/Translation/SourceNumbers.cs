using System.Text.RegularExpressions;

namespace Grid.Grains.Translation;

/// <summary>
/// The numbers a translation must keep: runs of two digits or more, Arabic-Indic digits read as ASCII,
/// thousands separators dropped (١٬٥٠٠ and 1,500 are 1500) and leading zeros ignored (05 is 5, a digit
/// that may become a word or vanish into a date like "May 5").
/// </summary>
public static partial class SourceNumbers
{
    /// <summary>The numbers of two digits or more in <paramref name="text"/>.</summary>
    public static IReadOnlySet<string> Of(string text) => Runs(text).Where(number => number.Length >= 2).ToHashSet();

    /// <summary>
    /// The numbers of <paramref name="source"/> that <paramref name="translation"/> does not keep. Trailing
    /// zeros are not compared: "٢٥ ألف" may become "25,000" and "25000" may become "25 thousand".
    /// </summary>
    public static IReadOnlyList<string> MissingFrom(string translation, string source)
    {
        var kept = Runs(translation).Select(Stem).ToHashSet();
        return [.. Of(source).Where(number => !kept.Contains(Stem(number))).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Runs(string text)
    {
        var digits = new string([.. text.Select(AsciiDigit)]);
        var joined = ThousandsSeparator().Replace(digits, "");
        return DigitRun().Matches(joined).Select(run => run.Value.TrimStart('0')).Where(number => number.Length > 0);
    }

    private static string Stem(string number) => number.TrimEnd('0') is { Length: > 0 } stem ? stem : number;

    private static char AsciiDigit(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    [GeneratedRegex(@"(?<=\d)[,٬'](?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();
}
