using Grid.Abstractions.Articles;
using Grid.Grains.Archive;

namespace Grid.Silo.Api;

/// <summary>
/// The query string of <c>GET /api/articles</c> read into a list query: <c>page</c>/<c>pageSize</c>, <c>status</c>,
/// <c>feed</c> (a feed id), <c>q</c>, <c>from</c>/<c>to</c> (a day <c>2026-03-01</c>, UTC, whole; or an instant with its offset), <c>sort</c>
/// (<c>newest</c> or <c>rank</c>) and <c>next</c> (a cursor from a previous page).
/// </summary>
public static class ArticleListRequest
{
    /// <summary>The query, or a sentence saying which parameter to change.</summary>
    public static (ArticleListQuery? Query, string? Problem) Read(
        string? status, int page, int pageSize, string? q, string? from, string? to, string? sort, string? next, string? feed = null)
    {
        ArticleStatus? only = null;
        if (status is not null)
        {
            if (!StatusNames.TryParse(status, out var parsed))
                return (null, $"status '{status}' is not one of {StatusNames.All}.");
            only = parsed;
        }
        if (!TryReadSort(sort, out var order))
            return (null, $"sort '{sort}' is not one of newest, rank.");
        if (!ArticleListDates.TryRead(from, endOfDay: false, out var since))
            return (null, $"from '{from}' is not {ArticleListDates.Expected}.");
        if (!ArticleListDates.TryRead(to, endOfDay: true, out var until))
            return (null, $"to '{to}' is not {ArticleListDates.Expected}.");
        var query = new ArticleListQuery(page, pageSize, only, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), since, until, order, next,
            string.IsNullOrWhiteSpace(feed) ? null : feed.Trim());
        var problem = query.Problem ?? ArchiveQueryCheck.SearchProblem(query);
        return problem is null ? (query, null) : (null, problem);
    }

    /// <summary>The address of the page after <paramref name="page"/>, with the same filters; null on the last page.</summary>
    public static string? NextLink(ArticleListPage page, ArticleListQuery query)
    {
        if (page.Next is null)
            return null;
        var parameters = new List<string> { $"next={page.Next}", $"pageSize={query.PageSize}" };
        parameters.AddRange(query.FilterParameters());
        return $"/api/articles?{string.Join('&', parameters)}";
    }

    private static bool TryReadSort(string? text, out ArticleListSort sort)
    {
        sort = ArticleListSort.Newest;
        if (text is null || text.Equals("newest", StringComparison.OrdinalIgnoreCase))
            return true;
        sort = ArticleListSort.Rank;
        return text.Equals("rank", StringComparison.OrdinalIgnoreCase);
    }
}
