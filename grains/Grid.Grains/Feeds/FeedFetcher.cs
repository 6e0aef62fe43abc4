using System.Collections.Immutable;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Grid.Grains.Outbound;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Feeds;

/// <summary>
/// Fetches a feed through the outbound guard with a conditional GET (<c>If-None-Match</c>, <c>If-Modified-Since</c>)
/// and reads it as RSS 2.0 or Atom 1.0 with System.ServiceModel.Syndication, DTDs refused. Never throws.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory clients, IOptions<FeedOptions> options)
{
    static FeedFetcher() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<FeedFetch> FetchAsync(string url, string? etag, string? lastModified, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var http = clients.CreateClient(OutboundServiceCollectionExtensions.ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
            if (etag is not null)
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (lastModified is not null)
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified)
                return FeedFetch.Unchanged;
            if (!response.IsSuccessStatusCode)
                return FeedFetch.Failed($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            if (response.Content.Headers.ContentLength > settings.MaxBytes)
                return TooLarge(url, settings);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var body = await CappedBody.ReadAsync(stream, settings.MaxBytes, timeout.Token);
            if (body is null)
                return TooLarge(url, settings);
            var (title, items) = Parse(body, response.RequestMessage?.RequestUri ?? new Uri(url));
            return FeedFetch.Parsed(title, items, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        }
        catch (XmlException error)
        {
            return FeedFetch.Failed($"{url} is not an RSS or Atom feed: {error.Message}");
        }
        catch (HttpRequestException error) when (OutboundRefusedException.Within(error) is { } refused)
        {
            return FeedFetch.Failed(refused.Message);
        }
        catch (HttpRequestException error)
        {
            return FeedFetch.Failed($"{url} could not be reached: {error.InnerException?.Message ?? error.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FeedFetch.Failed($"{url} did not answer within {settings.Timeout} (Grid:Feeds:Timeout).");
        }
    }

    /// <summary>The feed's items in its order; an item with no usable link is skipped (there is no page to fetch).</summary>
    private static (string? Title, ImmutableArray<FeedItem> Items) Parse(byte[] body, Uri feedUrl)
    {
        // No DTD, no external entities: a feed is a stranger's XML.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(body), settings);
        var feed = SyndicationFeed.Load(reader);
        var items = ImmutableArray.CreateBuilder<FeedItem>();
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()
                ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out var permalink) ? permalink : null);
            if (link is null)
                continue;
            var absolute = link.IsAbsoluteUri ? link : new Uri(feedUrl, link);
            if (absolute.Scheme is not ("http" or "https"))
                continue;
            items.Add(new FeedItem(string.IsNullOrWhiteSpace(item.Id) ? absolute.AbsoluteUri : item.Id.Trim(), absolute.AbsoluteUri));
        }
        return (feed.Title?.Text, items.ToImmutable());
    }

    private static FeedFetch TooLarge(string url, FeedOptions settings) =>
        FeedFetch.Failed($"{url} is larger than {settings.MaxBytes:N0} bytes (Grid:Feeds:MaxBytes).");
}
