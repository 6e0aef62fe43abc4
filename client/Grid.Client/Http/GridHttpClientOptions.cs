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
}
