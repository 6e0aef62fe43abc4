using Microsoft.Extensions.Options;

namespace Grid.Grains.Articles;

/// <summary>Refuses to start with article limits that make no sense.</summary>
public sealed class ArticleOptionsValidator : IValidateOptions<ArticleOptions>
{
    private static readonly TimeSpan MaxSaveWindow = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, ArticleOptions options)
    {
        var errors = new List<string>();
        if (options.MaxTextBytes < 1024)
            errors.Add($"Grid:Articles:MaxTextBytes is {options.MaxTextBytes}: allow at least 1024 bytes.");
        if (options.MaxChunks < 1)
            errors.Add("Grid:Articles:MaxChunks must be at least 1.");
        if (options.ChunkTokens < 32)
            errors.Add($"Grid:Articles:ChunkTokens is {options.ChunkTokens}: use at least 32.");
        if (options.MaxRequestsOut is < 1 or > 1000)
            errors.Add($"Grid:Articles:MaxRequestsOut is {options.MaxRequestsOut}: use 1 to 1000 (requests one article has out at once).");
        if (options.CharsPerToken is <= 0 or > 20)
            errors.Add($"Grid:Articles:CharsPerToken is {options.CharsPerToken}: use a value between 0 and 20.");
        if (options.MaxRevisions is < 1 or > 1000)
            errors.Add($"Grid:Articles:MaxRevisions is {options.MaxRevisions}: keep between 1 (the newest only) and 1000 revisions.");
        if (options.WatchdogPeriod < TimeSpan.FromMilliseconds(100))
            errors.Add($"Grid:Articles:WatchdogPeriod is {options.WatchdogPeriod}: use at least 00:00:00.100.");
        if (options.SaveWindow < TimeSpan.Zero || options.SaveWindow > MaxSaveWindow)
            errors.Add($"Grid:Articles:SaveWindow is {options.SaveWindow}: use 00:00:00 (write every change at once) to {MaxSaveWindow} (progress a crash may make the article ask the caches for again).");
        if (options.UnfinishedShards is < 1 or > UnfinishedShards.Most)
            errors.Add($"Grid:Articles:UnfinishedShards is {options.UnfinishedShards}: use 1 to {UnfinishedShards.Most}.");
        if (options.ParagraphClaimDeadline < 2 * options.WatchdogPeriod)
            errors.Add($"Grid:Articles:ParagraphClaimDeadline is {options.ParagraphClaimDeadline}: use at least two watchdog periods ({2 * options.WatchdogPeriod}), as the claims are renewed at each tick.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
