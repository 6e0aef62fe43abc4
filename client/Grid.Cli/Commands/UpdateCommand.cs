using Grid.Abstractions.Articles;
using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary><c>grid update &lt;id&gt; &lt;file|-&gt; [--wait]</c>: gives an article a new text, its next revision; unchanged paragraphs keep their English.</summary>
public sealed class UpdateCommand : GridCommand<UpdateSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, UpdateSettings settings, CancellationToken cancellationToken)
    {
        var (name, submission) = (await SubmissionSource.ReadAsync(settings.Path, settings.Title, cancellationToken))[0];
        RevisionReceipt receipt;
        try
        {
            receipt = await grid.UpdateAsync(settings.Id, submission, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NotFound(settings.Id);
        }
        if (!settings.Wait || receipt.Outcome == RevisionOutcome.Unchanged)
        {
            if (settings.Json)
                Console.WriteLine(ArticleJson.Serialize(new { receipt.Id, receipt.Revision, receipt.Status, Unchanged = receipt.Outcome == RevisionOutcome.Unchanged }));
            else
                AnsiConsole.MarkupLineInterpolated($"{receipt.Id}  revision {receipt.Revision}  {name}{(receipt.Outcome == RevisionOutcome.Unchanged ? "  (unchanged: the text is the newest revision's)" : "")}");
            return ExitCodes.Done;
        }

        var article = await grid.WaitAsync(receipt.Id, cancellationToken: cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(ArticleJson.Serialize(article));
        }
        else
        {
            var changed = article.Paragraphs.Count(paragraph => paragraph.Changed);
            var color = article.Status == ArticleStatus.Completed ? "green" : "red";
            AnsiConsole.MarkupLineInterpolated($"[{color}]{article.Id}  revision {article.Revision}  {article.Status.ToString().ToLowerInvariant()}[/]  {changed} of {article.Paragraphs.Length} paragraphs changed  {article.Title?.En ?? article.Failure ?? ""}");
        }
        return article.Status == ArticleStatus.Failed ? ExitCodes.ArticleFailed : ExitCodes.Done;
    }
}
