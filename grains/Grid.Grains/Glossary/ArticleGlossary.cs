using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Glossary;

/// <summary>An article's glossary: one rendering per term, and which entries a piece of text carries.</summary>
public static class ArticleGlossary
{
    /// <summary>
    /// The entries of all sources in one list, one per term (terms compared folded, see
    /// <see cref="ArabicWords"/>): the caller's beat the configured ones, which beat the extracted ones.
    /// Sorted by source, so the same glossary always reads, and hashes, the same.
    /// </summary>
    public static ImmutableArray<GlossaryEntry> Merge(params IEnumerable<GlossaryEntry>[] sources) =>
        [.. sources.SelectMany(entries => entries)
            .GroupBy(entry => ArabicWords.Fold(entry.Source))
            .Select(same => same.OrderByDescending(entry => entry.Origin).First())
            .OrderBy(entry => ArabicWords.Fold(entry.Source), StringComparer.Ordinal)];

    /// <summary>The entries whose source occurs in <paramref name="text"/> (by <see cref="ArabicTerm"/>'s rule), in glossary order.</summary>
    public static ImmutableArray<GlossaryEntry> OccurringIn(ImmutableArray<GlossaryEntry> glossary, string text)
    {
        if (glossary.IsDefaultOrEmpty)
            return [];
        var words = ArabicWords.Of(text);
        return [.. glossary.Where(entry => ArabicTerm.For(entry.Source).OccursIn(words))];
    }
}
