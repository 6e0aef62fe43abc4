namespace Grid.Silo.Api;

/// <summary>The HTTP API: <c>Grid:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Grid:Api";

    /// <summary>Most articles one <c>POST /api/articles/batch</c> may hold.</summary>
    public int MaxBatchItems { get; set; } = 100;

    /// <summary>Largest body of one <c>POST /api/articles/batch</c>, in bytes; each article in it is also held to <c>Grid:Articles:MaxTextBytes</c>.</summary>
    public int MaxBatchBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How often an event stream (<c>GET /api/articles/{id}/events</c>) looks at its article; an event goes out when something changed.</summary>
    public TimeSpan EventsPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// An event stream repeats the current progress after this long without a change, so that a
    /// proxy does not close a connection that is only waiting on a long LLM call.
    /// </summary>
    public TimeSpan EventsKeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
