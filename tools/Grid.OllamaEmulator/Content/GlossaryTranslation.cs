namespace Grid.OllamaEmulator.Content;

/// <summary>
/// The emulator's translation under a glossary: every occurrence of an entry's term (longest terms
/// first) becomes the entry's English, the rest is transliterated. With the name-variant fault the
/// entries are rendered in another spelling, as a model that ignores its glossary would.
/// </summary>
internal static class GlossaryTranslation
{
    public static (string English, bool UsedVariant) Translate(string arabic, IReadOnlyList<GlossaryLine> glossary, bool variant)
    {
        var text = arabic;
        var usedVariant = false;
        foreach (var entry in glossary.OrderByDescending(entry => entry.Source.Length))
        {
            if (!ArabicOccurrence.OccursIn(entry.Source, text))
                continue;
            text = ArabicOccurrence.Replace(entry.Source, text, variant ? NameVariant.Of(entry.English) : entry.English);
            usedVariant |= variant;
        }
        return (Transliteration.ToLatin(text), usedVariant);
    }
}
