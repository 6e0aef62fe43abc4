using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>The answer to <c>POST /api/articles</c>.</summary>
internal sealed record SubmitDocument(string Id, ArticleStatus Status, bool AlreadyKnown);
