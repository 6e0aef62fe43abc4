using System.Collections.Immutable;

namespace Grid.Client.Http;

/// <summary>The JSON of <c>GET /api/articles</c>.</summary>
internal sealed record ArticleListDocument(ImmutableArray<ArticleListItemDocument> Items, int Page, int PageSize, int Total, string? Next);
