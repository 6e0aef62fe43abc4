using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>
/// The article list and search, kept beside the grain state and read as a query: every article records
/// its line (and, when it changed, its searchable text) as it changes, and the list reads pages of it.
/// One per silo, a service rather than a grain, so no single grain stands on an article's path.
/// Implementations: <see cref="SqliteArticleIndex"/> (one node, full-text search), <see cref="PostgresArticleIndex"/>
/// (a cluster on PostgreSQL, full-text search), <see cref="CatalogArticleIndex"/> (the catalog grain of the Redis and
/// in-memory configurations; no search).
/// </summary>
public interface IArticleIndex
{
    /// <summary>Whether <see cref="ListAsync"/> can answer a query with <see cref="ArticleListQuery.Search"/>.</summary>
    bool CanSearch { get; }

    /// <summary>Adds or replaces an article's entry; done when it is stored (or, for the catalog, sent).</summary>
    Task RecordAsync(ArticleIndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Takes a deleted article out; a record from before the deletion (submitted up to <paramref name="submittedAt"/>) does not bring it back.</summary>
    Task RemoveAsync(string id, DateTimeOffset submittedAt, CancellationToken cancellationToken = default);

    /// <summary>A page of the articles that match <paramref name="query"/>, which must have no <see cref="ArticleListQuery.Problem"/>.</summary>
    /// <exception cref="NotSupportedException">A search, and <see cref="CanSearch"/> is false.</exception>
    Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default);
}
