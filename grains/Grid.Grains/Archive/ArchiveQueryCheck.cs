using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>What only the archive can tell about a query: whether its search has anything to look for.</summary>
public static class ArchiveQueryCheck
{
    /// <summary>Null when the search (if any) has words, else a sentence saying what to change.</summary>
    public static string? SearchProblem(ArticleListQuery query) =>
        query.Searches && SearchTerms.Parse(query.Search).IsEmpty
            ? $"q '{query.Search}' has no words to look for: give at least one word (letters or digits)."
            : null;
}
