using System.Net;
using Grid.Abstractions.Pages;
using Grid.Grains.Outbound;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Pages;

/// <summary>
/// Makes one attempt at a page through the outbound guard (<see cref="OutboundServiceCollectionExtensions.ClientName"/>):
/// redirects are followed by the guarded handler, the body is read up to <see cref="PageOptions.MaxBytes"/>, and
/// only HTML is taken. Never throws; the answer says what happened and whether trying again can help.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, IOptions<PageOptions> options)
{
    private static readonly HashSet<string> HtmlTypes = ["text/html", "application/xhtml+xml"];

    public async Task<PageFetch> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var http = clients.CreateClient(OutboundServiceCollectionExtensions.ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
            request.Headers.AcceptLanguage.ParseAdd("ar,en;q=0.5");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (Refused(response, url) is { } refusal)
                return refusal;

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            if (mediaType is null || !HtmlTypes.Contains(mediaType))
                return PageFetch.Failed($"{url} is not a web page: it is {mediaType ?? "of no stated type"}, and Grid extracts articles from text/html.");
            if (response.Content.Headers.ContentLength > settings.MaxBytes)
                return TooLarge(url, settings);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var body = await CappedBody.ReadAsync(stream, settings.MaxBytes, timeout.Token);
            if (body is null)
                return TooLarge(url, settings);
            var finalUrl = response.RequestMessage?.RequestUri ?? new Uri(url);
            return PageFetch.Fetched(PageDecoder.Decode(body, response.Content.Headers.ContentType?.CharSet), finalUrl);
        }
        catch (HttpRequestException error) when (OutboundRefusedException.Within(error) is { } refused)
        {
            return PageFetch.Failed(refused.Message);
        }
        catch (HttpRequestException error)
        {
            return PageFetch.Transient($"{url} could not be reached: {error.InnerException?.Message ?? error.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PageFetch.Transient($"{url} did not answer within {settings.Timeout} (Grid:Pages:Timeout).");
        }
    }

    /// <summary>A status that is not a page: 5xx, 408 and 429 may pass, anything else (404, 403, a redirect past the limit) will not.</summary>
    private static PageFetch? Refused(HttpResponseMessage response, string url)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return null;
        var answered = $"{url} answered {status} {response.ReasonPhrase}";
        return response.StatusCode switch
        {
            >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => PageFetch.Transient($"{answered}."),
            HttpStatusCode.NotFound or HttpStatusCode.Gone => PageFetch.Failed($"{answered}: there is no page there. Check the URL."),
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => PageFetch.Failed($"{answered}: the site does not let Grid read the page (it may need a login or block robots). Save the page and submit its HTML instead."),
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => PageFetch.Failed($"{answered}: the page redirects more times than Grid follows, or to a place it does not go."),
            _ => PageFetch.Failed($"{answered}."),
        };
    }

    private static PageFetch TooLarge(string url, PageOptions settings) =>
        PageFetch.Failed($"{url} is larger than {settings.MaxBytes:N0} bytes (Grid:Pages:MaxBytes); Grid does not read pages that big.");
}
