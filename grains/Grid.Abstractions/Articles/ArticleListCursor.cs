using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Grid.Abstractions.Articles;

/// <summary>
/// Where a page of the article list ended, handed back as <c>next</c> and given again to read on.
/// Newest first, it is the last article's (submitted at, id): the next page starts after it however
/// many articles arrive meanwhile. By rank, it is the offset reached and the newest index entry the
/// first page saw: later articles stay out of the pages that follow, so they neither repeat nor skip.
/// Opaque to callers: URL-safe base64 of a short text.
/// </summary>
/// <param name="Sort">The order the pages are in.</param>
/// <param name="Page">The page the cursor leads to, from 2.</param>
/// <param name="SubmittedAt">Newest first: the last listed article's submission time.</param>
/// <param name="Id">Newest first: the last listed article's id.</param>
/// <param name="Offset">By rank: the matches already listed.</param>
/// <param name="Horizon">By rank: the newest index entry the first page could see.</param>
public sealed record ArticleListCursor(ArticleListSort Sort, int Page, DateTimeOffset SubmittedAt = default, string Id = "", long Offset = 0, long Horizon = 0)
{
    private const int MaxLength = 400;

    public static ArticleListCursor After(ArticleListItem last, int nextPage) => new(ArticleListSort.Newest, nextPage, last.SubmittedAt, last.Id);

    public static ArticleListCursor ByRank(long offset, long horizon, int nextPage) => new(ArticleListSort.Rank, nextPage, Offset: offset, Horizon: horizon);

    public override string ToString()
    {
        var text = Sort == ArticleListSort.Newest
            ? string.Create(CultureInfo.InvariantCulture, $"n.{Page}.{SubmittedAt.UtcTicks}.{Id}")
            : string.Create(CultureInfo.InvariantCulture, $"r.{Page}.{Offset}.{Horizon}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads a cursor made by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? value, out ArticleListCursor cursor)
    {
        cursor = null!;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !Base64Url.IsValid(value))
            return false;
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('.', 4);
        if (parts.Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 2)
            return false;
        switch (parts[0])
        {
            case "n" when long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                          && ticks <= DateTimeOffset.MaxValue.UtcTicks && parts[3].Length > 0:
                cursor = new ArticleListCursor(ArticleListSort.Newest, page, new DateTimeOffset(ticks, TimeSpan.Zero), parts[3]);
                return true;
            case "r" when long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                          && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var horizon):
                cursor = new ArticleListCursor(ArticleListSort.Rank, page, Offset: offset, Horizon: horizon);
                return true;
            default:
                return false;
        }
    }
}
