namespace Grid.Client.Http;

/// <summary>Where the Grid HTTP API is and the key to show it.</summary>
public sealed class GridHttpClientOptions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The silo's HTTP address (its <c>Urls</c>).</summary>
    public Uri BaseAddress { get; set; } = new(DefaultUrl);

    /// <summary>Sent as <c>X-Api-Key</c> when set; a silo with <c>Grid:Api:Keys</c> refuses calls without one of its keys.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one call may take before it is given up (the event stream of <see cref="IGridClient.WatchAsync"/> has no limit).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How often a call that is safe to repeat (a GET) is tried again after a connection failure, 5xx, 408 or 429.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first pause before a retry, growing after each (a 429's Retry-After wins).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
