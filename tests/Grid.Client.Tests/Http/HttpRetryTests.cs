using Grid.Abstractions.Articles;
using Grid.Client.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Client.Tests.Http;

/// <summary>The HTTP client repeats what is safe to repeat, and only that.</summary>
public sealed class HttpRetryTests
{
    [Fact]
    public async Task AReadThatMeetsABusySiloIsTriedAgainUntilItAnswers()
    {
        await using var server = await FlakyGridServer.StartAsync(new Dictionary<string, int> { ["GET /api/articles/a1"] = 2 });
        await using var services = Client(server.Address);

        var article = await services.GetRequiredService<IGridClient>().GetAsync("a1");

        Assert.Equal("text", article!.Paragraphs.Single().En);
        Assert.Equal(3, server.Calls("GET /api/articles/a1"));
    }

    [Fact]
    public async Task ASubmissionThatMeetsABusySiloIsNotRepeatedAndSaysTheSiloIsUnavailable()
    {
        await using var server = await FlakyGridServer.StartAsync(new Dictionary<string, int> { ["POST /api/articles"] = 1 });
        await using var services = Client(server.Address);

        var error = await Assert.ThrowsAsync<GridUnavailableException>(() => services.GetRequiredService<IGridClient>().SubmitAsync(new ArticleSubmission("نص عربي")));

        Assert.Contains("503", error.Message);
        Assert.Equal(1, server.Calls("POST /api/articles"));
    }

    [Fact]
    public async Task ARefusedSubmissionIsTheSameGridSubmissionExceptionTheOrleansClientThrows()
    {
        await using var server = await FlakyGridServer.StartAsync(new Dictionary<string, int>());
        await using var services = Client(new Uri(server.Address, "refusing/"));

        var error = await Assert.ThrowsAsync<GridSubmissionException>(() => services.GetRequiredService<IGridClient>().SubmitAsync(new ArticleSubmission("text")));

        Assert.Equal(RejectionKind.NoArabic, error.Rejection.Kind);
        Assert.Equal("The text has no Arabic in it.", error.Message);
    }

    [Fact]
    public async Task SubmittingManyAnswersAReceiptWithItsIdForATakenArticleAndARejectionForARefusedOne()
    {
        await using var server = await FlakyGridServer.StartAsync(new Dictionary<string, int>());
        await using var taking = Client(server.Address);
        await using var refusing = Client(new Uri(server.Address, "refusing/"));

        var taken = Assert.Single(await taking.GetRequiredService<IGridClient>().SubmitManyAsync([new ArticleSubmission("نص عربي")]));
        var refused = Assert.Single(await refusing.GetRequiredService<IGridClient>().SubmitManyAsync([new ArticleSubmission("text")]));

        Assert.Equal(new SubmitReceipt("a1", ArticleStatus.Queued, AlreadyKnown: false), taken);
        Assert.Equal(RejectionKind.NoArabic, Assert.IsType<SubmitRejection>(refused).Kind);
    }

    private static ServiceProvider Client(Uri address) =>
        new ServiceCollection().AddGridHttpClient(options => (options.BaseAddress, options.RetryDelay) = (address, TimeSpan.FromMilliseconds(20))).BuildServiceProvider();
}
