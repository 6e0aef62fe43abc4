namespace Grid.Grains.Pages;

/// <summary>How Grid fetches a page submitted by URL: <c>Grid:Pages</c>.</summary>
public sealed class PageOptions
{
    public const string Section = "Grid:Pages";

    /// <summary>Longest wait for one attempt, headers and body together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest page read; a bigger one fails the article (news pages are well under 1 MB of HTML).</summary>
    public int MaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Attempts at a page that answers 5xx, 408, 429 or nothing in time; other failures are final at once.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubled before each next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
