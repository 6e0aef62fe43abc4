using System.ComponentModel;
using Grid.Client.Http;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

/// <summary>Options every command takes: where the cluster is, and JSON output for scripts.</summary>
public class GridCommandSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("The Grid HTTP API (default: GRID_URL, or http://localhost:5080).")]
    public string? Url { get; init; }

    [CommandOption("--api-key <KEY>")]
    [Description("The API key, sent as X-Api-Key (default: GRID_API_KEY). Needed when the silo has Grid:Api:Keys.")]
    public string? ApiKey { get; init; }

    [CommandOption("--gateway")]
    [Description("Talk to the silo's Orleans gateway instead of its HTTP API: for apps inside the cluster's network (no API keys there).")]
    public bool Gateway { get; init; }

    [CommandOption("--gateway-port <PORT>")]
    [Description("The silo's Orleans gateway port (default: Grid:Silo:GatewayPort, or 30000); implies --gateway.")]
    public int? GatewayPort { get; init; }

    [CommandOption("--json")]
    [Description("Write JSON for scripts instead of text for people.")]
    public bool Json { get; init; }

    /// <summary>Through the Orleans gateway rather than HTTP.</summary>
    public bool UsesGateway => Gateway || GatewayPort is not null;

    /// <summary>The HTTP API's address: <c>--url</c>, else <c>GRID_URL</c>, else the default.</summary>
    public string HttpUrl => Url ?? (Environment.GetEnvironmentVariable("GRID_URL") is { Length: > 0 } url ? url : GridHttpClientOptions.DefaultUrl);

    /// <summary>The API key: <c>--api-key</c>, else <c>GRID_API_KEY</c>.</summary>
    public string? HttpApiKey => ApiKey ?? (Environment.GetEnvironmentVariable("GRID_API_KEY") is { Length: > 0 } key ? key : null);

    /// <summary>Why <see cref="HttpUrl"/> cannot be used, or null; checked when the command connects (each command's own checks come first).</summary>
    public string? UrlProblem =>
        UsesGateway || (Uri.TryCreate(HttpUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? null
            : $"The Grid URL '{HttpUrl}' is not an http:// or https:// address (--url or GRID_URL).";
}
