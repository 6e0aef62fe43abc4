using Grid.Abstractions.Articles;
using Grid.Abstractions.Feeds;
using Grid.Grains.Text;

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

    [Fact]
    public async Task WatchAsyncYieldsProgressInOrderEndingInCompleted()
    {
        // Paced output, so that the article takes a few seconds and the watch sees it move.
        fixture.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = 400 });
        try
        {
            var receipt = await fixture.Grid.SubmitAsync(new ArticleSubmission(SampleArticles.Seed));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

            var seen = new List<ArticleProgress>();
            await foreach (var progress in fixture.Grid.WatchAsync(receipt.Id!, timeout.Token))
                seen.Add(progress);

            Assert.True(seen.Count >= 2, $"the watch saw the article move: {string.Join(" | ", seen)}");
            Assert.Equal(ArticleStatus.Completed, seen[^1].Status);
            Assert.Equal(seen[^1].Progress.ChunksTotal, seen[^1].Progress.ChunksDone);
            Assert.All(seen[..^1], progress => Assert.False(progress.IsFinished));
            Assert.Equal(seen.Select(p => p.Status).Order(), seen.Select(p => p.Status));
            Assert.Equal(seen.Select(p => p.Progress.ChunksDone).Order(), seen.Select(p => p.Progress.ChunksDone));
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
        finally
        {
            fixture.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        }
    }

    [Fact]
    public async Task SubmitManyAsyncAnswersEachArticleInOrderAndARefusedOneDoesNotStopTheOthers()
    {
        var texts = new[] { GeneratedArticle.FromSeed(311).Text, "No Arabic here at all.", GeneratedArticle.FromSeed(312).Text };

        var results = await fixture.Grid.SubmitManyAsync(texts.Select(text => new ArticleSubmission(text)));

        Assert.Equal(3, results.Count);
        Assert.Equal(ContentHash.Of(texts[0]), Assert.IsType<SubmitReceipt>(results[0]).Id);
        Assert.Equal(RejectionKind.NoArabic, Assert.IsType<SubmitRejection>(results[1]).Kind);
        var last = Assert.IsType<SubmitReceipt>(results[2]);
        Assert.Equal(ContentHash.Of(texts[2]), last.Id);
        Assert.Equal(ArticleStatus.Completed, (await fixture.Grid.WaitAsync(last.Id)).Status);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "00:15:00", "http or https")]
    [InlineData("https://news.example/rss", "00:00:01", "'every' is 00:00:01")]
    public async Task FollowFeedAsyncAnswersAFeedItCannotFollowWithARejectionSayingWhyAndFollowsNothing(string url, string every, string reason)
    {
        var result = await fixture.Grid.FollowFeedAsync(new FeedSubscription(url, TimeSpan.Parse(every)));

        Assert.Contains(reason, Assert.IsType<FeedRejection>(result).Detail);
        Assert.DoesNotContain(await fixture.Grid.ListFeedsAsync(), feed => feed.Url == url);
    }

    [Fact]
    public async Task WatchAsyncOfAnUnknownIdThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(async () =>
        {
            await foreach (var _ in fixture.Grid.WatchAsync("0000000000000000"))
            {
            }
        });
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
