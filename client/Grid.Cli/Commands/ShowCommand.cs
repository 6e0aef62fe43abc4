using Grid.Abstractions.Articles;
using Grid.Client;

namespace Grid.Cli.Commands;

/// <summary><c>grid show &lt;id&gt;</c>: the bilingual article, as text, markdown, JSON or a standalone HTML page.</summary>
public sealed class ShowCommand : GridCommand<ShowSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, ShowSettings settings, CancellationToken cancellationToken)
    {
        var article = await grid.GetAsync(settings.Id, cancellationToken);
        if (article is null)
            return NotFound(settings.Id);
        Console.Write(settings.Json ? ArticleJson.Serialize(article) + "\n" : settings.Format switch
        {
            "json" => ArticleJson.Serialize(article) + "\n",
            "html" => ArticleHtmlRenderer.Render(article),
            _ => ArticleRenderer.Render(article, markdown: settings.Format == "markdown"),
        });
        return article.Status == ArticleStatus.Failed ? ExitCodes.ArticleFailed : ExitCodes.Done;
    }
}
