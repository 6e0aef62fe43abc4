using System.Collections.Immutable;

namespace Grid.Abstractions.Articles;

/// <summary>A page of the article list, newest first or by rank.</summary>
/// <param name="Items">The articles on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="Total">Articles in the list that match the query, over all pages.</param>
/// <param name="Next">The cursor of the page after this one (<see cref="ArticleListQuery.Next"/>); null on the last page.</param>
[GenerateSerializer, Immutable, Alias("grid.article-list-page")]
public sealed record ArticleListPage(
    [property: Id(0)] ImmutableArray<ArticleListItem> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total,
    [property: Id(4)] string? Next = null)
{
    public bool HasNext => Next is not null;
}
