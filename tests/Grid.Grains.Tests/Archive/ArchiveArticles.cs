using Grid.Abstractions.Articles;
using Grid.Grains.Archive;

namespace Grid.Grains.Tests.Archive;

/// <summary>Index entries made up for the archive's tests: article n submitted n minutes after a fixed moment.</summary>
internal static class ArchiveArticles
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string IdOf(int n) => $"a{n:D6}";

    public static DateTimeOffset SubmittedAt(int n) => Start.AddMinutes(n);

    public static ArticleListItem Item(int n, ArticleStatus status = ArticleStatus.Completed, string? titleAr = null) =>
        new(IdOf(n), status, new ChunkProgress(1, 1), new BilingualText(titleAr ?? $"خبر رقم {n}", $"Report {n}"), "test", SubmittedAt(n), null, null);

    public static ArticleIndexEntry Entry(int n, string body = "", string title = "", string summary = "", ArticleStatus status = ArticleStatus.Completed, string? feed = null) =>
        new(Item(n, status) with { Feed = feed }, new ArticleSearchText($"خبر رقم {n}\nReport {n}\n{title}", summary, body));

    public static Task RecordAllAsync(IArticleIndex index, IEnumerable<ArticleIndexEntry> entries) =>
        Task.WhenAll(entries.Select(entry => index.RecordAsync(entry)));
}
