namespace Grid.Grains.Pages;

/// <summary>One attempt at a page: its HTML, or why not and whether another attempt may do better.</summary>
public sealed record PageFetch(string? Html, Uri? FinalUrl, string? Failure, bool Retryable)
{
    public static PageFetch Fetched(string html, Uri finalUrl) => new(html, finalUrl, null, false);

    public static PageFetch Failed(string failure) => new(null, null, failure, false);

    public static PageFetch Transient(string failure) => new(null, null, failure, true);
}
