namespace Grid.Abstractions.Articles;

/// <summary>Which page of the article list to read, newest first, optionally only articles in one status.</summary>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Articles per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Status">Only articles in this status; all when null.</param>
[GenerateSerializer, Immutable, Alias("grid.article-list-query")]
public sealed record ArticleListQuery(
    [property: Id(0)] int Page = 1,
    [property: Id(1)] int PageSize = ArticleListQuery.DefaultPageSize,
    [property: Id(2)] ArticleStatus? Status = null)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Null when the query can be answered, else a sentence saying what to change.</summary>
    public string? Problem =>
        Page < 1 ? $"page is {Page}: pages are numbered from 1."
        : PageSize is < 1 or > MaxPageSize ? $"pageSize is {PageSize}: use 1 to {MaxPageSize}."
        : null;
}
