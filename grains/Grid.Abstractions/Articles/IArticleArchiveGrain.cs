using Orleans.Concurrency;

namespace Grid.Abstractions.Articles;

/// <summary>
/// The article list and search for clients of the cluster: answered on the silo it reaches from the
/// article index kept there (any number at once; not one grain for the cluster).
/// </summary>
[Alias("grid.IArticleArchiveGrain")]
public interface IArticleArchiveGrain : ISingletonGrain
{
    /// <summary>A page of the articles that match the query.</summary>
    /// <exception cref="ArgumentException">The query has a <see cref="ArticleListQuery.Problem"/>.</exception>
    /// <exception cref="NotSupportedException">A search, on a silo whose index cannot search (Redis or in-memory storage).</exception>
    [Alias("list"), ReadOnly]
    Task<ArticleListPage> ListAsync(ArticleListQuery query);
}
