using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands.Feeds;

public sealed class FeedIdSettings : GridCommandSettings
{
    [CommandArgument(0, "<id>")]
    [Description("The feed id, as 'grid feeds add' or 'grid feeds list' printed it.")]
    public string Id { get; init; } = "";
}
