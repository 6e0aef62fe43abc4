using Grid.Abstractions.Articles;
using Grid.Client;
using Grid.Client.Http;

namespace Grid.Cluster.Tests.Api;

/// <summary><see cref="IGridClient.UpdateAsync"/> and <see cref="IGridClient.GetRevisionAsync"/> give the same answers and exceptions over the Orleans gateway and over HTTP.</summary>
public sealed class GridClientRevisionTests(SiloWithClientFixture fixture) : IClassFixture<SiloWithClientFixture>
{
    [Theory]
    [InlineData("gateway")]
    [InlineData("http")]
    public async Task AnUpdateMakesTheNextRevisionAndTheOneBeforeReadsAsItWas(string over)
    {
        using var http = fixture.Silo.CreateClient();
        IGridClient grid = over == "http" ? new GridHttpClient(http) : fixture.Grid;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var article = GeneratedArticle.FromSeed(over == "http" ? 1802 : 1801, paragraphs: 3);
        var id = $"client-updated-{over}";
        await grid.SubmitAsync(new ArticleSubmission(article.Body, Title: article.Title, Id: id), timeout.Token);
        var first = await grid.WaitAsync(id, cancellationToken: timeout.Token);
        List<string> edited = [article.Paragraphs[0], GeneratedArticle.FromSeed(1803, paragraphs: 1).Paragraphs[0], article.Paragraphs[2]];

        var receipt = await grid.UpdateAsync(id, new ArticleSubmission(string.Join("\n\n", edited)), timeout.Token);
        var second = await grid.WaitAsync(id, cancellationToken: timeout.Token);

        Assert.Equal((id, RevisionOutcome.Created, 2), (receipt.Id, receipt.Outcome, receipt.Revision));
        Assert.Equal((ArticleStatus.Completed, 2), (second.Status, second.Revision));
        Assert.Equal([1], second.OlderRevisions.ToArray());
        Assert.Equal([false, true, false], second.Paragraphs.Select(paragraph => paragraph.Changed));
        Assert.Equal(article.Title, second.Title!.Ar);
        var kept = await grid.GetRevisionAsync(id, 1, timeout.Token);
        Assert.Equal<ParagraphView>(first.Paragraphs, kept!.Paragraphs);
        Assert.Equal(first.Summary!.En, kept.Summary!.En);
        Assert.Equal(second.Paragraphs.Select(paragraph => paragraph.En), (await grid.GetRevisionAsync(id, 2, timeout.Token))!.Paragraphs.Select(paragraph => paragraph.En));
        Assert.Null(await grid.GetRevisionAsync(id, 3, timeout.Token));
        Assert.Null(await grid.GetRevisionAsync($"{id}-unknown", 1, timeout.Token));

        var again = await grid.UpdateAsync(id, new ArticleSubmission(string.Join("\n\n", edited)), timeout.Token);
        Assert.Equal((RevisionOutcome.Unchanged, 2), (again.Outcome, again.Revision));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => grid.UpdateAsync($"{id}-unknown", new ArticleSubmission(article.Body), timeout.Token));
        var refused = await Assert.ThrowsAsync<GridSubmissionException>(() => grid.UpdateAsync(id, new ArticleSubmission("Only English here, nothing to translate."), timeout.Token));
        Assert.Equal(RejectionKind.NoArabic, refused.Rejection.Kind);
        Assert.Equal(2, (await grid.GetAsync(id, timeout.Token))!.Revision);
    }
}
