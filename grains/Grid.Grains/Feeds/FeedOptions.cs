namespace Grid.Grains.Feeds;

/// <summary>How Grid follows feeds: <c>Grid:Feeds</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Grid:Feeds";

    /// <summary>The shortest poll interval a subscription may ask for: a feed is a public site's, not Grid's.</summary>
    public TimeSpan MinimumEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each feed's reminder ticks to see whether its poll is due (Orleans reminders are coarse, a minute at least by default).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait before polling a feed that keeps failing: the wait doubles from its interval up to this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Longest wait for one fetch of a feed, headers and body together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest feed read.</summary>
    public int MaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Items of one poll that are submitted at most; the rest wait for the next poll.</summary>
    public int MaxItemsPerPoll { get; set; } = 100;

    /// <summary>Item keys a feed remembers (its newest); an older one seen again is still one article, which is keyed by its URL.</summary>
    public int MaxRememberedItems { get; set; } = 5000;
}
