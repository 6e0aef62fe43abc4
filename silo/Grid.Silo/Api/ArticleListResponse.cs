using System.Collections.Immutable;
using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>The JSON of <c>GET /api/articles</c>: a page of recent articles, newest first, and where the next page is.</summary>
public sealed record ArticleListResponse(ImmutableArray<ArticleListItemResponse> Items, int Page, int PageSize, int Total, string? Next)
{
    public static ArticleListResponse From(ArticleListPage page, ArticleStatus? status) => new(
        [.. page.Items.Select(ArticleListItemResponse.From)], page.Page, page.PageSize, page.Total,
        page.HasNext ? $"/api/articles?page={page.Page + 1}&pageSize={page.PageSize}{(status is null ? "" : $"&status={StatusNames.Of(status.Value)}")}" : null);
}
