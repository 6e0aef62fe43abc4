using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// The plan's side of the paragraph cache: before its units go out, every paragraph the cache answers
/// is filled and only the rest is packed (the claims on them: ArticlePlan.ParagraphClaims.cs); once a
/// unit's answer is accepted, its paragraphs' English is what the article gives back to the cache.
/// </summary>
public sealed partial class ArticlePlan
{
    /// <summary>The paragraph cache key of every paragraph with text, by index (<see cref="ParagraphKey"/>).</summary>
    public IReadOnlyList<(int Paragraph, string Key)> ParagraphKeys(PlanSettings settings) =>
        [.. Enumerable.Range(0, Paragraphs.Length).Where(index => !string.IsNullOrWhiteSpace(Paragraphs[index])).Select(index => (index, KeyOf(index, settings)))];

    /// <summary>
    /// Fills the paragraphs the cache answered and packs the others into units afresh, claiming none;
    /// returns how many were filled. Nothing when the cache was asked already (a lookup that comes twice).
    /// </summary>
    public int FillFromCache(IReadOnlyDictionary<int, string> found, PlanSettings settings) =>
        LookupPending
            ? TakeLookups([.. found.Select(pair => (pair.Key, KeyOf(pair.Key, settings), (ParagraphLookup?)ParagraphLookup.Cached(new ParagraphTranslation(pair.Value, ""))))], settings, DateTimeOffset.UtcNow)
            : 0;

    /// <summary>
    /// Up to this many glossary entries in one paragraph, its English is kept under every subset of them
    /// (at most 8 keys); beyond, under its own key only.
    /// </summary>
    public const int MostEntriesKeptUnderSubsets = 3;

    /// <summary>
    /// What an accepted answer under <paramref name="key"/> gives the paragraph cache: the English of
    /// each paragraph of its units that is now whole (every piece answered), under the paragraph's own
    /// key first and then under the keys of fewer of its glossary entries (<see cref="KeysKeptUnder"/>).
    /// </summary>
    public IReadOnlyList<(string Key, string English)> ParagraphsAnsweredBy(string key, PlanSettings settings)
    {
        var english = ParagraphEnglish();
        return [.. Units.Where(unit => unit.Key == key && Answers.TryGetValue(unit.Index, out var answer) && answer.Complete)
            .SelectMany(unit => unit.Pieces.Where(piece => !piece.IsTitle).Select(piece => piece.Paragraph!.Value))
            .Distinct()
            .Where(index => english[index] is not null)
            .SelectMany(index => KeysKeptUnder(index, settings).Select(paragraphKey => (paragraphKey, english[index]!)))];
    }

    /// <summary>
    /// The keys a paragraph's English is kept under: its own, then one for each smaller set of the glossary
    /// entries that occur in it. English made to render names X and Y one way is also right for an article
    /// whose glossary has only X (the same way) or neither: a wire copy whose other paragraphs do not repeat
    /// a name has no entry for it, and without these keys it would pay again for the paragraph it shares.
    /// </summary>
    public IEnumerable<string> KeysKeptUnder(int paragraph, PlanSettings settings)
    {
        var entries = ArticleGlossary.OccurringIn(Glossary, Paragraphs[paragraph]);
        if (entries.Length > MostEntriesKeptUnderSubsets)
            return [KeyOf(paragraph, settings)];
        // The paragraph's own key (all its entries, memoized), then each smaller subset down to none, in glossary order as a glossary that had only those entries would give them.
        return Enumerable.Range(0, (1 << entries.Length) - 1).Reverse()
            .Select(subset => KeyOf(paragraph, [.. entries.Where((_, entry) => (subset & (1 << entry)) != 0)], settings))
            .Prepend(KeyOf(paragraph, settings));
    }

    /// <summary>
    /// The paragraphs' own keys computed so far and what they were computed from. A key is asked for on every answer and every
    /// lookup, and each costs normalizing the paragraph and its context and matching every glossary term; it changes only
    /// with the paragraphs, the glossary, the mode or the settings that go into it. Kept in memory, never stored.
    /// </summary>
    private (KeyBasis Basis, Dictionary<int, string> Keys)? _paragraphKeys;

    private readonly record struct KeyBasis(ImmutableArray<string> Paragraphs, ImmutableArray<GlossaryEntry> Glossary, TranslationMode Mode, string Model, int ContextChars, bool ContextInCacheKey);

    private string KeyOf(int paragraph, PlanSettings settings)
    {
        var basis = new KeyBasis(Paragraphs, Glossary, Mode, settings.Model, settings.Translation.ContextChars, settings.Translation.ContextInCacheKey);
        if (_paragraphKeys is not { } known || known.Basis != basis)
            _paragraphKeys = known = (basis, []);
        if (!known.Keys.TryGetValue(paragraph, out var key))
            known.Keys[paragraph] = key = KeyOf(paragraph, ArticleGlossary.OccurringIn(Glossary, Paragraphs[paragraph]), settings);
        return key;
    }

    private string KeyOf(int paragraph, ImmutableArray<GlossaryEntry> entries, PlanSettings settings) =>
        ParagraphKey.For(Paragraphs[paragraph], ContextOf(paragraph, settings), entries, Mode,
            settings.Model, TranslationPrompt.Version, settings.Translation.ContextInCacheKey);

    /// <summary>
    /// The glossary pass over paragraphs from the cache: they were translated under the same entries (the
    /// key holds them), so they are not retried; a variant spelling is replaced, a rendering missing is a warning.
    /// </summary>
    private void RepairCachedParagraphs()
    {
        foreach (var (index, english) in FromCache.ToList())
        {
            var entries = ArticleGlossary.OccurringIn(Glossary, Paragraphs[index]);
            var misses = GlossaryConsistency.Misses(0, [Paragraphs[index]], [english], entries).ToList();
            if (misses.Count == 0)
                continue;
            var (repaired, _, left) = GlossaryConsistency.Repair([english], misses);
            FromCache[index] = repaired[0];
            GlossaryWarnings.AddRange(left.Select(miss => $"paragraph {index}: '{miss.Entry.Source}' is not rendered as the glossary's '{miss.Entry.English}'"));
        }
    }
}
