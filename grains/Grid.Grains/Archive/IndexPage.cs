using System.Collections.Immutable;
using System.Text.Json;
using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>
/// How both article indexes (SQLite and PostgreSQL) page: where a query's page starts, and the page made of the rows
/// read (one more than a page, to know whether there is a next one), with the cursor of the next page.
/// </summary>
internal static class IndexPage
{
    /// <summary>The JSON of a list line as both indexes store it.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Rows skipped before the page: by page number, by a rank cursor's offset, or none after a newest-first cursor (its position is in the filter).</summary>
    public static long Offset(ArticleListQuery query) =>
        query.Cursor is not { } cursor ? (long)(query.Page - 1) * query.PageSize : cursor.Sort == ArticleListSort.Rank ? cursor.Offset : 0;

    /// <param name="rows">The list lines read: up to a page and one more.</param>
    /// <param name="horizon">The rank order's horizon (rank sort only).</param>
    public static ArticleListPage From(ArticleListQuery query, IReadOnlyList<string> rows, long offset, long? horizon, int total)
    {
        var items = rows.Take(query.PageSize).Select(StoredListLine.Read).ToImmutableArray();
        var page = query.PageNumber;
        string? next = null;
        if (rows.Count > query.PageSize)
        {
            next = (query.Sort == ArticleListSort.Rank
                ? ArticleListCursor.ByRank(offset + items.Length, horizon!.Value, page + 1)
                : ArticleListCursor.After(items[^1], page + 1)).ToString();
        }
        return new ArticleListPage(items, page, query.PageSize, total, next);
    }
}
