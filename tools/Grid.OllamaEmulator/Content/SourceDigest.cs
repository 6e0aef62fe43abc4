using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// The sentences of a source text in both scripts, so that a generated English string is always
/// the transliteration of the matching Arabic string (summaries in both languages agree).
/// </summary>
internal sealed partial class SourceDigest
{
    private const int MaxWords = 30;
    private readonly List<string> _originals;

    public SourceDigest(string source)
    {
        _originals = [.. SentenceEnd().Split(source).Select(sentence => sentence.Trim()).Where(sentence => sentence.Length > 0)];
        SourceIsArabic = Transliteration.ContainsArabic(source);
    }

    public bool SourceIsArabic { get; }

    public int SentenceCount => _originals.Count;

    /// <summary>Sentence <paramref name="index"/> in Latin letters (at most 30 words).</summary>
    public string Latin(int index) => LimitWords(Transliteration.ToLatin(Original(index, "Summary")));

    /// <summary>Sentence <paramref name="index"/> in Arabic script: the source itself when it is Arabic.</summary>
    public string Arabic(int index) => LimitWords(SourceIsArabic ? Original(index, "ملخص") : Transliteration.ToArabic(Original(index, "Summary")));

    private string Original(int index, string placeholder) =>
        _originals.Count == 0 ? placeholder
        : index < _originals.Count ? _originals[index]
        : $"{_originals[index % _originals.Count]} ({index + 1})";

    private static string LimitWords(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords ? text : string.Join(' ', words.Take(MaxWords));
    }

    // A sentence ends after . ! ? ؟ (keeping the mark) or at a line break.
    [GeneratedRegex(@"(?<=[.!?؟])\s+|[\r\n]+")]
    private static partial Regex SentenceEnd();
}
