using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

/// <summary>Options every command takes: where the cluster is, and JSON output for scripts.</summary>
public class GridCommandSettings : CommandSettings
{
    [CommandOption("--gateway-port <PORT>")]
    [Description("The silo's Orleans gateway port (default: Grid:Silo:GatewayPort, or 30000).")]
    public int? GatewayPort { get; init; }

    [CommandOption("--json")]
    [Description("Write JSON for scripts instead of text for people.")]
    public bool Json { get; init; }
}
