using Microsoft.Extensions.Options;

namespace Grid.Grains.Pages;

/// <summary>Fetches a page, trying again within <see cref="PageOptions.Attempts"/> when the failure may pass, and extracts its article.</summary>
public sealed class PageLoader(PageFetcher fetcher, IOptions<PageOptions> options)
{
    public async Task<PageLoad> LoadAsync(string url, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var delay = settings.RetryDelay;
        var fetch = await fetcher.FetchAsync(url, cancellationToken);
        for (var attempt = 2; attempt <= settings.Attempts && fetch.Retryable; attempt++)
        {
            await Task.Delay(delay, cancellationToken);
            delay *= 2;
            fetch = await fetcher.FetchAsync(url, cancellationToken);
        }
        if (fetch.Failure is { } failure)
            return PageLoad.Failed(fetch.Retryable ? $"{failure} Tried {settings.Attempts} times (Grid:Pages:Attempts)." : failure);

        return PageArticle.Extract(fetch.Html!, fetch.FinalUrl!) is { } page
            ? PageLoad.Loaded(page)
            : PageLoad.Failed(NoArticle(url));
    }

    public static string NoArticle(string where) =>
        $"No article was found in {where}: it holds no block of running text (a section front, a list of links, or a page its scripts fill in).";
}
