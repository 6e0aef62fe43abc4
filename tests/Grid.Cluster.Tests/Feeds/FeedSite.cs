using System.Net;
using System.Text;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Pages;
using Microsoft.AspNetCore.Http;

namespace Grid.Cluster.Tests.Feeds;

/// <summary>
/// A news site with an RSS feed whose items a test sets (by number), each linking to a story page made
/// from a generated Arabic article. The feed answers conditional GETs (ETag, Last-Modified) with 304 when
/// it has not changed, and can be broken (500) and mended.
/// </summary>
internal sealed class FeedSite : IAsyncDisposable
{
    public const string FeedPath = "/rss.xml";

    private readonly NewsSite _site;
    private volatile int[] _items = [];
    private volatile bool _broken;
    private int _version;
    private int _notModified;
    private int _conditional;

    private FeedSite(NewsSite site) => _site = site;

    public Uri FeedUrl => _site.UrlOf(FeedPath);

    /// <summary>Answers 304 given so far.</summary>
    public int NotModifiedAnswers => Volatile.Read(ref _notModified);

    /// <summary>Requests of the feed that carried both If-None-Match and If-Modified-Since.</summary>
    public int ConditionalRequests => Volatile.Read(ref _conditional);

    public int FeedFetches => _site.Hits(FeedPath);

    public static string StoryPath(int number) => $"/story/{number}";

    public int StoryFetches(int number) => _site.Hits(StoryPath(number));

    public static GeneratedArticle Story(int number) => GeneratedArticle.FromSeed(1700 + number, paragraphs: 3);

    public static async Task<FeedSite> StartAsync()
    {
        var site = new FeedSite(await NewsSite.StartAsync());
        site._site.Serve(FeedPath, site.AnswerFeedAsync);
        for (var number = 1; number <= 9; number++)
        {
            var page = Encoding.UTF8.GetBytes(StoryPage(Story(number)));
            site._site.Serve(StoryPath(number), context => SendAsync(context.Response, "text/html; charset=utf-8", page));
        }
        return site;
    }

    /// <summary>The feed lists these stories, in this order, from now on.</summary>
    public void List(params int[] items)
    {
        _items = items;
        Interlocked.Increment(ref _version);
    }

    public void Break() => _broken = true;

    public void Mend() => _broken = false;

    private async Task AnswerFeedAsync(HttpContext context)
    {
        if (_broken)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        var version = Volatile.Read(ref _version);
        var etag = $"\"v{version}\"";
        var modified = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).AddHours(version);
        var headers = context.Request.Headers;
        if (headers.IfNoneMatch.Count > 0 && headers.IfModifiedSince.Count > 0)
            Interlocked.Increment(ref _conditional);
        if (headers.IfNoneMatch == etag)
        {
            Interlocked.Increment(ref _notModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = modified.ToString("R");
        await SendAsync(context.Response, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(Rss(_items)));
    }

    private string Rss(int[] items)
    {
        var entries = string.Concat(items.Select(number => $"""
                <item>
                  <title>{WebUtility.HtmlEncode(Story(number).Title)}</title>
                  <link>{_site.UrlOf(StoryPath(number))}</link>
                  <guid isPermaLink="false">story-{number}</guid>
                </item>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
              <channel>
                <title>أخبار الموقع</title>
                <link>{_site.BaseAddress}</link>
                <description>آخر الأخبار</description>
            {entries}
              </channel>
            </rss>
            """;
    }

    private static string StoryPage(GeneratedArticle story) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(story.Title)}</title></head>
        <body>
          <nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a></nav>
          <article><h1>{WebUtility.HtmlEncode(story.Title)}</h1>
          {string.Concat(story.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
          </article>
          <footer>جميع الحقوق محفوظة</footer>
        </body></html>
        """;

    private static async Task SendAsync(HttpResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();
}
