using Orleans.Concurrency;

namespace Grid.Abstractions.Articles;

/// <summary>
/// The list of recent articles, newest first: one grain for the cluster, kept up to date by the
/// article grains as they change. It holds the newest entries only (<c>Grid:Catalog:MaxEntries</c>);
/// an older article is still there by its id, just no longer listed.
/// </summary>
[Alias("grid.IArticleCatalogGrain")]
public interface IArticleCatalogGrain : ISingletonGrain
{
    /// <summary>Adds or replaces an article's entry. One way: an article never waits for, or fails because of, its listing.</summary>
    [Alias("record"), OneWay]
    Task RecordAsync(ArticleListItem item);

    /// <summary>Takes a deleted article off the list; a late <see cref="RecordAsync"/> from before the deletion does not bring it back.</summary>
    /// <param name="id">The article id.</param>
    /// <param name="submittedAt">When the deleted article had been submitted; entries submitted up to then stay off.</param>
    [Alias("remove")]
    Task RemoveAsync(string id, DateTimeOffset submittedAt);

    /// <summary>A page of the list, newest first.</summary>
    [Alias("list"), ReadOnly]
    Task<ArticleListPage> ListAsync(ArticleListQuery query);
}
