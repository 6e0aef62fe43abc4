using System.ComponentModel;
using Grid.Abstractions.Feeds;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands.Feeds;

public sealed class FeedAddSettings : TranslatingCommandSettings
{
    [CommandArgument(0, "<feed-url>")]
    [Description("The RSS or Atom feed's http(s) address.")]
    public string FeedUrl { get; init; } = "";

    [CommandOption("--every <INTERVAL>")]
    [Description("How often to poll it: 15m (the default), 1h, 30s, 1d or hh:mm:ss.")]
    public string? Every { get; init; }

    [CommandOption("--glossary <FILE>")]
    [Description("A JSON file of renderings every article of the feed uses (as for 'grid submit').")]
    public string? Glossary { get; init; }

    [CommandOption("--priority <PRIORITY>")]
    [Description(PriorityOption.Description)]
    public string Priority { get; init; } = "normal";

    /// <summary>The priority, once <see cref="Validate"/> has accepted it.</summary>
    public Grid.Abstractions.Articles.ArticlePriority Lane => PriorityOption.Parse(Priority)!.Value;

    public TimeSpan Interval => FeedInterval.Parse(Every)!.Value;

    public override ValidationResult Validate() =>
        !(Uri.TryCreate(FeedUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") ? ValidationResult.Error($"'{FeedUrl}' is not an http(s) URL.")
        : FeedInterval.Parse(Every) is null ? ValidationResult.Error($"--every is '{Every}': use 15m, 1h, 30s, 1d or hh:mm:ss.")
        : Glossary is not null && !File.Exists(Glossary) ? ValidationResult.Error($"The glossary file '{Glossary}' does not exist.")
        : PriorityOption.Parse(Priority) is null ? ValidationResult.Error(PriorityOption.Problem(Priority))
        : base.Validate();
}
