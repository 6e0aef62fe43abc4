using System.Collections.Immutable;
using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>The JSON of <c>GET /api/articles</c>: its lines are <see cref="ArticleListItem"/>s as they are; the next page is an address, read back into a cursor.</summary>
internal sealed record ArticleListDocument(ImmutableArray<ArticleListItem> Items, int Page, int PageSize, int Total, string? Next);
