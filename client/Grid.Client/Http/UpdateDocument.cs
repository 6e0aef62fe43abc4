using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>The answer to <c>PUT /api/articles/{id}</c>.</summary>
internal sealed record UpdateDocument(string Id, ArticleStatus Status, int Revision, bool Unchanged);
