using System.Collections.Immutable;
using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>The JSON of <c>GET /api/articles</c>: a page of articles, and the address of the next page (with its cursor), null on the last.</summary>
public sealed record ArticleListResponse(ImmutableArray<ArticleListItem> Items, int Page, int PageSize, int Total, string? Next)
{
    public static ArticleListResponse From(ArticleListPage page, ArticleListQuery query) => new(
        page.Items, page.Page, page.PageSize, page.Total, ArticleListRequest.NextLink(page, query));
}
