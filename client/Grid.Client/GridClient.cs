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

    public async Task<ArticleView> WaitAsync(string id, IProgress<ArticleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var article = cluster.GetGrain<IArticleGrain>(id);
        ArticleProgress? last = null;
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            var current = await article.GetProgressAsync().WaitAsync(cancellationToken)
                ?? throw new KeyNotFoundException($"No article has the id '{id}'.");
            if (current != last)
                progress?.Report(current);
            last = current;
            if (current.IsFinished)
                return (await article.GetAsync().WaitAsync(cancellationToken))!;
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
        throw new OperationCanceledException(cancellationToken);
    }
}
