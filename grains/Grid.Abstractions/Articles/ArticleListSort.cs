namespace Grid.Abstractions.Articles;

/// <summary>The order of the article list. Spelled <c>newest</c> and <c>rank</c> on the HTTP API.</summary>
[GenerateSerializer, Alias("grid.article-list-sort")]
public enum ArticleListSort
{
    /// <summary>Newest submission first; stable while new articles arrive.</summary>
    Newest = 0,

    /// <summary>Best match to the search first; only with a search.</summary>
    Rank = 1,
}
