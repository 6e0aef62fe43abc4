using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Articles;

/// <summary>
/// The glossary consistency of an article's translations: which chunks miss a rendering, and once
/// their second translations are in, the best of both with variant spellings replaced.
/// </summary>
public static class ArticleConsistency
{
    /// <summary>The chunks (and title) whose English misses a rendering of the glossary entries they carry.</summary>
    public static IReadOnlyList<int> ChunksMissingRenderings(ArticleState article) =>
        [.. Misses(article).Select(miss => miss.ChunkIndex).Distinct()];

    /// <summary>
    /// Per chunk that misses: its second translation when that misses less, then variant spellings
    /// replaced (recorded as repairs of the chunk). Returns warnings for what is still missing.
    /// </summary>
    public static IReadOnlyList<string> Repair(ArticleState article)
    {
        var warnings = new List<string>();
        foreach (var chunk in Misses(article).GroupBy(miss => miss.ChunkIndex).ToList())
        {
            var index = chunk.Key;
            if (article.Repairs.TryGetValue(index, out var second) && second.Succeeded && MissesOf(article, index, second).Count() < chunk.Count())
                article.Translations[index] = second;
            var translation = article.Translations[index];
            var (english, repairs, left) = GlossaryConsistency.Repair(translation.English, MissesOf(article, index, translation));
            if (!repairs.IsEmpty)
                article.Translations[index] = translation with { English = english, Repairs = [.. translation.Repairs.IsDefault ? [] : translation.Repairs, .. repairs] };
            warnings.AddRange(left.Select(miss => $"{Where(article, index, miss.Segment)}: '{miss.Entry.Source}' is not rendered as the glossary's '{miss.Entry.English}'"));
        }
        return warnings;
    }

    private static IEnumerable<GlossaryMiss> Misses(ArticleState article) =>
        article.Work.Where(item => article.Translations.TryGetValue(item.ChunkIndex, out var result) && result.Succeeded)
            .SelectMany(item => MissesOf(article, item.ChunkIndex, article.Translations[item.ChunkIndex]));

    private static IEnumerable<GlossaryMiss> MissesOf(ArticleState article, int index, ChunkTranslationResult result)
    {
        var item = article.Work.Single(work => work.ChunkIndex == index);
        IReadOnlyList<string> arabic = index == WorkItem.Title ? [item.Text] : [.. article.Chunks[index].Segments.Select(segment => segment.Text)];
        return GlossaryConsistency.Misses(index, arabic, result.English, item.Glossary);
    }

    private static string Where(ArticleState article, int chunkIndex, int segment) =>
        chunkIndex == WorkItem.Title ? "title" : $"paragraph {article.Chunks[chunkIndex].Segments[segment].ParagraphIndex}";
}
