using Grid.Abstractions.Articles;
using Grid.Client;

namespace Grid.Cli.Commands;

/// <summary><c>grid watch &lt;id&gt;</c>: follows one article until it ends.</summary>
public sealed class WatchCommand : GridCommand<IdSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, IdSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var progress = new Progress<ArticleProgress>(p =>
                Console.WriteLine(settings.Json ? ArticleJson.Serialize(p).ReplaceLineEndings(" ") : $"{p.Status.ToString().ToLowerInvariant()}  {p.Progress} chunks"));
            var article = await grid.WaitAsync(settings.Id, progress, cancellationToken);
            return article.Status == ArticleStatus.Failed ? ExitCodes.ArticleFailed : ExitCodes.Done;
        }
        catch (KeyNotFoundException)
        {
            return NotFound(settings.Id);
        }
    }
}
