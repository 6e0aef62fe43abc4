using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>The answer to <c>PUT /api/articles/{id}</c>: the article's newest revision, and whether this text made it.</summary>
/// <param name="Unchanged">The text was the newest revision's already: no revision was made.</param>
public sealed record UpdateArticleResponse(string Id, ArticleStatus Status, int Revision, bool Unchanged);
