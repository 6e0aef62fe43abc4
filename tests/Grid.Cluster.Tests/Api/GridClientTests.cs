using Grid.Abstractions.Articles;

namespace Grid.Cluster.Tests.Api;

public sealed class GridClientTests(SiloWithClientFixture fixture) : IClassFixture<SiloWithClientFixture>
{
    [Fact]
    public async Task ListAsyncGivesTheNewestArticlesFirstAndFiltersByStatus()
    {
        var first = await fixture.Grid.SubmitAsync(new ArticleSubmission(GeneratedArticle.FromSeed(301).Text));
        var second = await fixture.Grid.SubmitAsync(new ArticleSubmission(GeneratedArticle.FromSeed(302).Text));
        await fixture.Grid.WaitAsync(first.Id!);
        await fixture.Grid.WaitAsync(second.Id!);

        var page = await WaitUntilListedAsync(ArticleStatus.Completed, first.Id!, second.Id!);
        Assert.Equal([second.Id, first.Id], page.Items.Select(item => item.Id).Where(id => id == first.Id || id == second.Id));
        Assert.All(page.Items, item => Assert.Equal(ArticleStatus.Completed, item.Status));

        var onePerPage = await fixture.Grid.ListAsync(ArticleStatus.Completed, page: 2, pageSize: 1);
        Assert.Equal(page.Items[1].Id, Assert.Single(onePerPage.Items).Id);
        Assert.Empty((await fixture.Grid.ListAsync(ArticleStatus.Failed)).Items);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.Grid.ListAsync(pageSize: 1000));
    }

    /// <summary>The list is updated one way by the articles; it catches up a moment after they change.</summary>
    private async Task<ArticleListPage> WaitUntilListedAsync(ArticleStatus status, params string[] ids)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var page = await fixture.Grid.ListAsync(status, pageSize: ArticleListQuery.MaxPageSize, cancellationToken: timeout.Token);
            if (ids.All(id => page.Items.Any(item => item.Id == id)))
                return page;
            await tick.WaitForNextTickAsync(timeout.Token);
        }
    }
}
