namespace Grid.Grains.Webhooks;

/// <summary>Webhooks to a submission's <c>callbackUrl</c>: <c>Grid:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Grid:Webhooks";

    /// <summary>The HMAC-SHA256 key of <c>X-Grid-Signature</c>. Without it, submissions with a <c>callbackUrl</c> are refused.</summary>
    public string? Secret { get; set; }

    /// <summary>How long after the article finished a delivery is retried before it is given up.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The wait after the first failed attempt; doubled after each one, up to an hour.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one attempt may take, connect to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each silo wakes the articles with deliveries still pending (always once at start, after a crash).</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Shard grains of the index of articles with deliveries pending; each article is tracked in the one its id hashes
    /// to. Changing it loses nothing: at start each silo hands over what the shards of a count used before still hold.
    /// </summary>
    public int OutboxShards { get; set; } = 16;

    public bool Enabled => !string.IsNullOrEmpty(Secret);
}
