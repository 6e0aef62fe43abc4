using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>The answer to a submission: where to find the article, and whether it was already known.</summary>
public sealed record SubmitArticleResponse(string Id, ArticleStatus Status, bool AlreadyKnown);
