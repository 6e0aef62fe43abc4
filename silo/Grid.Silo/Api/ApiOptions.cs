namespace Grid.Silo.Api;

/// <summary>The HTTP API: <c>Grid:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Grid:Api";

    /// <summary>
    /// API keys: with any set, every <c>/api</c> call must send one in the <c>X-Api-Key</c> header.
    /// With none, the API answers anyone who can reach it, and so listens on loopback only unless
    /// <see cref="AllowAnonymousRemote"/> says otherwise.
    /// </summary>
    public string[] Keys { get; set; } = [];

    /// <summary>Serve other machines without keys: for a private network where every caller is trusted.</summary>
    public bool AllowAnonymousRemote { get; set; }

    /// <summary>Calls to <c>/api</c> one key (or, without keys, one address) may make a minute; 0 for no limit.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Wrong API keys one address may present a minute (for the whole cluster); past it every key from that
    /// address, right or wrong, is answered 429 until the minute ends, so guessing learns nothing. 0 for no limit.
    /// </summary>
    public int FailedKeyAttemptsPerMinute { get; set; } = 10;

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
