namespace Grid.Abstractions.Articles;

/// <summary>Where an article is in its life. Serialized in lower case on the HTTP API.</summary>
[GenerateSerializer, Alias("grid.article-status")]
public enum ArticleStatus
{
    Queued = 0,
    Translating = 1,
    Summarizing = 2,
    Completed = 3,
    Failed = 4,
    /// <summary>Submitted by URL: the page is being fetched and its article extracted.</summary>
    Fetching = 5,
}
