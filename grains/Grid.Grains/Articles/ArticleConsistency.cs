using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// The glossary consistency of an article's translations: which chunks miss a rendering, and once
/// their second translations are in, the best of both with variant spellings replaced.
/// </summary>
public static class ArticleConsistency
{
    /// <summary>
    /// Moves the check on by one step. Chunks whose English misses a rendering are planned for a
    /// second translation whose prompt insists on the glossary (<see cref="ConsistencyStep.Dispatch"/>);
    /// once those are in, what still misses is repaired by replacing the variant spelling, and what is
    /// left becomes a warning (<see cref="ConsistencyStep.Done"/>).
    /// </summary>
    public static ConsistencyStep Advance(ArticleState article, string model, TranslationOptions translation)
    {
        if (article.RepairWork.IsDefaultOrEmpty)
        {
            var chunks = ChunksMissingRenderings(article);
            if (chunks.Count > 0)
            {
                article.RepairWork = [.. chunks.Select(index => InsistingOn(article, article.Work.Single(item => item.ChunkIndex == index), model, translation))];
                return ConsistencyStep.Dispatch;
            }
        }
        else if (article.RepairWork.Any(item => !article.Repairs.ContainsKey(item.ChunkIndex)))
        {
            return ConsistencyStep.Wait;
        }
        else
        {
            article.Warnings.AddRange(Repair(article));
        }
        article.ConsistencyChecked = true;
        return ConsistencyStep.Done;
    }

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

    /// <summary>The same chunk asked again with the glossary insisted on: another prompt, so another cache key.</summary>
    private static WorkItem InsistingOn(ArticleState article, WorkItem item, string model, TranslationOptions translation) =>
        (item with { Insist = true }).Keyed(article.Mode, model, translation);

    private static IEnumerable<GlossaryMiss> Misses(ArticleState article) =>
        article.Work.Where(item => article.Translations.TryGetValue(item.ChunkIndex, out var result) && result.Succeeded)
            .SelectMany(item => MissesOf(article, item.ChunkIndex, article.Translations[item.ChunkIndex]));

    private static IEnumerable<GlossaryMiss> MissesOf(ArticleState article, int index, ChunkTranslationResult result)
    {
        var item = article.Work.Single(work => work.ChunkIndex == index);
        IReadOnlyList<string> arabic = index == WorkItem.Title ? [item.Text] : [.. article.Chunks[index].Segments.Select(segment => segment.Text)];
        // A piece left untranslated has no English to miss a rendering in.
        return GlossaryConsistency.Misses(index, arabic, result.English, item.Glossary).Where(miss => result.EnglishOf(miss.Segment) is not null);
    }

    private static string Where(ArticleState article, int chunkIndex, int segment) =>
        chunkIndex == WorkItem.Title ? "title" : $"paragraph {article.Chunks[chunkIndex].Segments[segment].ParagraphIndex}";
}

/// <summary>Where the consistency check stands after <see cref="ArticleConsistency.Advance"/>.</summary>
public enum ConsistencyStep
{
    /// <summary>Checked and repaired: the article goes on to its summary.</summary>
    Done,

    /// <summary>Second translations were planned in <see cref="ArticleState.RepairWork"/>: send them.</summary>
    Dispatch,

    /// <summary>Second translations are still under way.</summary>
    Wait,
}
