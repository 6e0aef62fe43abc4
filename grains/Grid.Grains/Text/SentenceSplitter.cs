using System.Collections.Frozen;

namespace Grid.Grains.Text;

/// <summary>
/// Cuts a paragraph, Arabic or English, into sentences, for the sentence memory: a sentence ends at
/// <c>.</c>, <c>!</c>, <c>?</c>, <c>؟</c> or <c>…</c> (a run of them counts once), with the closing quotes or
/// brackets after it, where whitespace or the text's end follows. A full stop after a single letter
/// (initials, Arabic <c>د.</c>), after a word with a dot inside (<c>U.S.</c>, <c>e.g.</c>) or after a
/// known abbreviation (<c>Mr.</c>, <c>Jan.</c>) does not end one, nor one inside a number (<c>3.5</c>).
/// Line breaks do not: a model may join lines. A wrong cut on one side only makes the counts differ,
/// and then nothing is stored.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Titles, months and company words that take a full stop in English news, as written (case counts: the emulator's and a model's transliterations are lower case).</summary>
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen", "Rep", "Rev", "Sr", "Jr", "St", "Mt", "Ft",
        "No", "Nos", "vs", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "approx",
    ]);

    /// <summary>The paragraph's sentences, trimmed, in order; the whole text as one when it has no sentence end; none for blank text.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!IsEnd(text[i]))
            {
                i++;
                continue;
            }
            var after = i;
            while (after < text.Length && IsEnd(text[after]))
                after++;
            var run = after - i;
            while (after < text.Length && IsClosing(text[after]))
                after++;
            var ends = (after == text.Length || char.IsWhiteSpace(text[after])) && !(run == 1 && text[i] == '.' && EndsAbbreviation(text, start, i));
            if (ends)
            {
                AddTrimmed(sentences, text[start..after]);
                start = after;
            }
            i = after;
        }
        AddTrimmed(sentences, text[start..]);
        return sentences;
    }

    private static bool IsEnd(char c) => c is '.' or '!' or '?' or '؟' or '…';

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or '›' or ')' or ']';

    /// <summary>The word before the full stop at <paramref name="dot"/> is one letter, holds a dot, or is a known abbreviation.</summary>
    private static bool EndsAbbreviation(string text, int sentenceStart, int dot)
    {
        var from = dot;
        while (from > sentenceStart && !char.IsWhiteSpace(text[from - 1]))
            from--;
        var word = text[from..dot].TrimStart('"', '\'', '“', '‘', '«', '‹', '(', '[');
        // Tatweel stretches a letter (هـ.): it is not one.
        var letters = word.Count(c => char.IsLetter(c) && c != 'ـ');
        return (letters == 1 && word.All(c => char.IsLetter(c) || c == 'ـ')) || word.Contains('.') || Abbreviations.Contains(word);
    }

    private static void AddTrimmed(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
            sentences.Add(trimmed);
    }
}
