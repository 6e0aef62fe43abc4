using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// The plan's side of the paragraph cache: before its units go out, every paragraph the cache answers
/// is filled and only the rest is packed (the claims on them: ArticlePlan.ParagraphClaims.cs); once a
/// unit's answer is accepted, its paragraphs' English is what the article gives back to the cache, as a
/// variant made under the glossary entries that occur in each. English from the cache fills a paragraph
/// only when it renders every one of those entries (<see cref="CachedEnglish"/>), so no glossary pass is owed it.
/// </summary>
public sealed partial class ArticlePlan
{
    /// <summary>The paragraph cache key of every paragraph with text, by index (<see cref="ParagraphKey"/>).</summary>
    public IReadOnlyList<(int Paragraph, string Key)> ParagraphKeys(PlanSettings settings) =>
        [.. Enumerable.Range(0, Paragraphs.Length).Where(index => !string.IsNullOrWhiteSpace(Paragraphs[index])).Select(index => (index, KeyOf(index, settings)))];

    /// <summary>The article's glossary entries that occur in a paragraph: what an English of it must render to serve this article.</summary>
    public ImmutableArray<GlossaryEntry> EntriesNeededBy(int paragraph)
    {
        // Asked on every lookup, answer and claim renewal; each costs folding the paragraph's words. Kept in memory, never
        // stored, and made again when the paragraphs or the glossary change (a revision, the glossary pass).
        if (_entriesNeeded is not { } known || known.Paragraphs != Paragraphs || known.Glossary != Glossary)
            _entriesNeeded = known = (Paragraphs, Glossary, []);
        if (!known.ByParagraph.TryGetValue(paragraph, out var entries))
            known.ByParagraph[paragraph] = entries = ArticleGlossary.OccurringIn(Glossary, Paragraphs[paragraph]);
        return entries;
    }

    private (ImmutableArray<string> Paragraphs, ImmutableArray<GlossaryEntry> Glossary, Dictionary<int, ImmutableArray<GlossaryEntry>> ByParagraph)? _entriesNeeded;

    /// <summary>
    /// Fills the paragraphs the cache answered and packs the others into units afresh, claiming none;
    /// returns how many were filled. Nothing when the cache was asked already (a lookup that comes twice).
    /// </summary>
    public int FillFromCache(IReadOnlyDictionary<int, string> found, PlanSettings settings) =>
        LookupPending
            ? TakeLookups([.. found.Select(pair => (pair.Key, KeyOf(pair.Key, settings), (ParagraphLookup?)ParagraphLookup.Cached(new ParagraphTranslation(pair.Value, "", []))))], settings, DateTimeOffset.UtcNow)
            : 0;

    /// <summary>
    /// What an accepted answer under <paramref name="key"/> gives the paragraph cache: the English of each
    /// paragraph of its units that is now whole (every piece answered), under the paragraph's key, with the
    /// glossary entries its prompt asked to render.
    /// </summary>
    public IReadOnlyList<(string Key, string English, ImmutableArray<GlossaryEntry> Entries)> ParagraphsAnsweredBy(string key, PlanSettings settings) =>
        [.. ParagraphsMadeWholeBy(key).Select(paragraph => (KeyOf(paragraph.Index, settings), paragraph.English, EntriesNeededBy(paragraph.Index)))];

    /// <summary>The paragraphs of the units under <paramref name="key"/> whose every piece has English, once that key's answer is complete, with the English.</summary>
    private IEnumerable<(int Index, string English)> ParagraphsMadeWholeBy(string key)
    {
        var english = ParagraphEnglish();
        return Units.Where(unit => unit.Key == key && Answers.TryGetValue(unit.Index, out var answer) && answer.Complete)
            .SelectMany(unit => unit.Pieces.Where(piece => !piece.IsTitle).Select(piece => piece.Paragraph!.Value))
            .Distinct()
            .Where(index => english[index] is not null)
            .Select(index => (index, english[index]!));
    }

    /// <summary>
    /// The paragraphs' keys computed so far and what they were computed from. A key is asked for on every answer and every
    /// lookup, and each costs normalizing the paragraph and its context; it changes only with the paragraphs, the mode or the
    /// settings that go into it. Kept in memory, never stored.
    /// </summary>
    private (KeyBasis Basis, Dictionary<int, string> Keys)? _paragraphKeys;

    private readonly record struct KeyBasis(ImmutableArray<string> Paragraphs, TranslationMode Mode, string Model, int ContextChars, bool ContextInCacheKey);

    private string KeyOf(int paragraph, PlanSettings settings)
    {
        var basis = new KeyBasis(Paragraphs, Mode, settings.Model, settings.Translation.ContextChars, settings.Translation.ContextInCacheKey);
        if (_paragraphKeys is not { } known || known.Basis != basis)
            _paragraphKeys = known = (basis, []);
        if (!known.Keys.TryGetValue(paragraph, out var key))
            known.Keys[paragraph] = key = ParagraphKey.For(Paragraphs[paragraph], ContextOf(paragraph, settings), Mode,
                settings.Model, TranslationPrompt.Version, settings.Translation.ContextInCacheKey);
        return key;
    }

    /// <summary>
    /// The English a variant from the cache gives a paragraph of this article: its own, with variant spellings of
    /// the glossary's renderings replaced, when it renders every entry occurring in the paragraph; null when it
    /// misses one (an English that misses an entry the article needs is never served: the article translates its own).
    /// </summary>
    private string? CachedEnglish(int paragraph, ParagraphTranslation variant) =>
        GlossaryConsistency.RenderingEvery(variant.English, EntriesNeededBy(paragraph));
}
