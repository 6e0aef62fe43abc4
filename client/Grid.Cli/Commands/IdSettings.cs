using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public class IdSettings : GridCommandSettings
{
    [CommandArgument(0, "<id>")]
    [Description("The article id, as 'grid submit' printed it.")]
    public string Id { get; init; } = "";
}
