using System.Runtime.CompilerServices;
using Grid.Abstractions.Articles;
using Microsoft.Extensions.Options;

namespace Grid.Client;

/// <summary><see cref="IGridClient"/> over an Orleans cluster client.</summary>
public sealed class GridClient(IClusterClient cluster, IOptions<GridClientOptions> options) : IGridClient
{
    public GridClient(IClusterClient cluster) : this(cluster, Options.Create(new GridClientOptions())) { }

    public async Task<SubmitReceipt> SubmitAsync(ArticleSubmission submission, CancellationToken cancellationToken = default)
    {
        var receipt = await cluster.GetGrain<IArticleIntakeGrain>(0).SubmitAsync(submission).WaitAsync(cancellationToken);
        return receipt.Rejection is { } rejection ? throw new GridSubmissionException(rejection) : receipt;
    }

    public Task<ArticleView?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        cluster.GetGrain<IArticleGrain>(id).GetAsync().WaitAsync(cancellationToken);

    public Task<ArticleProgress?> GetProgressAsync(string id, CancellationToken cancellationToken = default) =>
        cluster.GetGrain<IArticleGrain>(id).GetProgressAsync().WaitAsync(cancellationToken);

    public Task<ArticleListPage> ListAsync(ArticleStatus? status = null, int page = 1, int pageSize = ArticleListQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var query = new ArticleListQuery(page, pageSize, status);
        if (query.Problem is { } problem)
            throw new ArgumentOutOfRangeException(page < 1 ? nameof(page) : nameof(pageSize), problem);
        return cluster.GetGrain<IArticleCatalogGrain>(0).ListAsync(query).WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<ArticleProgress> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var article = cluster.GetGrain<IArticleGrain>(id);
        ArticleProgress? last = null;
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            var current = await article.GetProgressAsync().WaitAsync(cancellationToken)
                ?? throw new KeyNotFoundException(last is null ? $"No article has the id '{id}'." : $"Article '{id}' was deleted while it was being watched.");
            if (current != last)
                yield return current;
            last = current;
            if (current.IsFinished)
                yield break;
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    public async Task<ArticleView> WaitAsync(string id, IProgress<ArticleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var current in WatchAsync(id, cancellationToken))
            progress?.Report(current);
        return await GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"Article '{id}' was deleted while it was being waited for.");
    }
}
