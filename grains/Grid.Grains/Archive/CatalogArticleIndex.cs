using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Grains.Articles;

namespace Grid.Grains.Archive;

/// <summary>
/// The index of the Redis and in-memory configurations: the one <see cref="ArticleCatalogGrain"/>, as before
/// the archive. It keeps the newest <c>Grid:Catalog:MaxEntries</c> lines in memory, pages them by number or
/// cursor and filters them by status and date; it cannot search, and says so.
/// </summary>
public sealed class CatalogArticleIndex(IGrainFactory grains) : IArticleIndex
{
    public const string NoSearch =
        "Search needs the article index of Grid:Storage=Sqlite or Postgres; this silo keeps its list in one grain (Grid:Storage=Redis or Memory), which lists and filters but cannot search.";

    private IArticleCatalogGrain Catalog => grains.Singleton<IArticleCatalogGrain>();

    public bool CanSearch => false;

    /// <summary>One way: sent, not awaited, so a catalog that is slow or gone never holds an article up.</summary>
    public Task RecordAsync(ArticleIndexEntry entry, CancellationToken cancellationToken = default) => Catalog.RecordAsync(entry.Item);

    public Task RemoveAsync(string id, DateTimeOffset submittedAt, CancellationToken cancellationToken = default) =>
        Catalog.RemoveAsync(id, submittedAt).WaitAsync(cancellationToken);

    public Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default) =>
        query.Searches ? throw new NotSupportedException(NoSearch) : Catalog.ListAsync(query).WaitAsync(cancellationToken);
}
