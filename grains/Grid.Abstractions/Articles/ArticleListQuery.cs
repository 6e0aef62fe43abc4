using System.Globalization;

namespace Grid.Abstractions.Articles;

/// <summary>Which page of the article list to read, and which articles it holds.</summary>
/// <param name="Page">The page, from 1; with <paramref name="Next"/>, the cursor says which page it is.</param>
/// <param name="PageSize">Articles per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Status">Only articles in this status; all when null.</param>
/// <param name="Search">Words to find in titles, summaries and paragraphs, Arabic or English; every word must be there, a "quoted phrase" as written.</param>
/// <param name="From">Only articles submitted at or after this moment.</param>
/// <param name="To">Only articles submitted before this moment.</param>
/// <param name="Sort">Newest first, or (with a search) best match first.</param>
/// <param name="Feed">Only articles made from this feed's items (a feed id); all when null.</param>
/// <param name="Next">A cursor from the previous page's <see cref="ArticleListPage.Next"/>: the page after it.</param>
[GenerateSerializer, Immutable, Alias("grid.article-list-query")]
public sealed record ArticleListQuery(
    [property: Id(0)] int Page = 1,
    [property: Id(1)] int PageSize = ArticleListQuery.DefaultPageSize,
    [property: Id(2)] ArticleStatus? Status = null,
    [property: Id(3)] string? Search = null,
    [property: Id(4)] DateTimeOffset? From = null,
    [property: Id(5)] DateTimeOffset? To = null,
    [property: Id(6)] ArticleListSort Sort = ArticleListSort.Newest,
    [property: Id(7)] string? Next = null,
    [property: Id(8)] string? Feed = null)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>A search is words, not documents: long enough for any real query, short enough to stay cheap.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>Longer than any feed id Grid hands out.</summary>
    public const int MaxFeedLength = 200;

    public bool Searches => !string.IsNullOrWhiteSpace(Search);

    /// <summary>The cursor in <see cref="Next"/>, read; null without one (or when it is not a cursor, which <see cref="Problem"/> says).</summary>
    public ArticleListCursor? Cursor => ArticleListCursor.TryParse(Next, out var cursor) ? cursor : null;

    /// <summary>The page this query reads: the page asked for, or the one its cursor leads to.</summary>
    public int PageNumber => Cursor?.Page ?? Page;

    /// <summary>The filters and the order as <c>GET /api/articles</c> parameters, escaped: what the client sends and what a <c>next</c> address keeps.</summary>
    public IEnumerable<string> FilterParameters()
    {
        if (Status is { } status)
            yield return $"status={status.ToString().ToLowerInvariant()}";
        if (Feed is { } feed)
            yield return $"feed={Uri.EscapeDataString(feed)}";
        if (Search is { } search)
            yield return $"q={Uri.EscapeDataString(search)}";
        if (From is { } from)
            yield return $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}";
        if (To is { } to)
            yield return $"to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
        if (Sort == ArticleListSort.Rank)
            yield return "sort=rank";
    }

    /// <summary>Null when the query can be answered, else a sentence saying what to change.</summary>
    public string? Problem =>
        Page < 1 ? $"page is {Page}: pages are numbered from 1."
        : PageSize is < 1 or > MaxPageSize ? $"pageSize is {PageSize}: use 1 to {MaxPageSize}."
        : Feed?.Length > MaxFeedLength ? $"feed is {Feed.Length} characters long: a feed id is at most {MaxFeedLength}."
        : Search?.Length > MaxSearchLength ? $"q is {Search.Length} characters long: use at most {MaxSearchLength}."
        : Sort == ArticleListSort.Rank && !Searches ? "sort=rank orders matches to a search: give q as well, or sort=newest."
        : From > To ? $"from ({From:O}) is after to ({To:O})."
        : Next is not null && Page != 1 ? "page and next both say where to start: give one of them."
        : Next is not null && Cursor is null ? "next is not a cursor this list handed out: start again without it."
        : Cursor is { } cursor && cursor.Sort != Sort ? $"next continues a list sorted by {cursor.Sort.ToString().ToLowerInvariant()}: keep that sort, or start again without next."
        : null;
}
