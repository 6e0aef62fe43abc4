using System.Runtime.CompilerServices;
using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Feeds;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Messaging;

namespace Grid.Client;

/// <summary><see cref="IGridClient"/> over an Orleans cluster client.</summary>
public sealed class GridClient(IClusterClient cluster, IOptions<GridClientOptions> options) : IGridClient
{
    /// <summary>Submissions in flight at once in <see cref="SubmitManyAsync"/>: enough to overlap the round trips, few enough to be polite.</summary>
    private const int SubmitAtOnce = 8;

    public GridClient(IClusterClient cluster) : this(cluster, Options.Create(new GridClientOptions())) { }

    public async Task<SubmitReceipt> SubmitAsync(ArticleSubmission submission, CancellationToken cancellationToken = default)
    {
        using var owner = SubmissionOwner.As(Owner);
        var result = await Reaching(cluster.Singleton<IArticleIntakeGrain>().SubmitAsync(submission), cancellationToken);
        return result is SubmitRejection rejection ? throw new GridSubmissionException(rejection) : (SubmitReceipt)result;
    }

    public async Task<IReadOnlyList<SubmitResult>> SubmitManyAsync(IEnumerable<ArticleSubmission> submissions, CancellationToken cancellationToken = default)
    {
        var all = submissions.ToList();
        var receipts = new SubmitResult[all.Count];
        var intake = cluster.Singleton<IArticleIntakeGrain>();
        using var owner = SubmissionOwner.As(Owner);
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = SubmitAtOnce, CancellationToken = cancellationToken },
            async (index, token) => receipts[index] = await Reaching(intake.SubmitAsync(all[index]), token));
        return receipts;
    }

    private string Owner => options.Value.Owner ?? SubmissionOwner.Anonymous;

    public Task<ArticleView?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Reaching(cluster.GetGrain<IArticleGrain>(id).GetAsync(), cancellationToken);

    public async Task<RevisionReceipt> UpdateAsync(string id, ArticleSubmission submission, CancellationToken cancellationToken = default)
    {
        var receipt = await Reaching(cluster.GetGrain<IArticleGrain>(id).UpdateAsync(submission with { Id = null }), cancellationToken);
        return receipt switch
        {
            { Outcome: RevisionOutcome.NotFound } => throw new KeyNotFoundException($"No article has the id '{id}'."),
            { Rejection: { } rejection } => throw new GridSubmissionException(rejection),
            _ => receipt,
        };
    }

    public async Task<ArticleRevision?> GetRevisionAsync(string id, int revision, CancellationToken cancellationToken = default) =>
        (await Reaching(cluster.GetGrain<IArticleGrain>(id).GetRevisionAsync(revision), cancellationToken)).Revision;

    public Task<ArticleProgress?> GetProgressAsync(string id, CancellationToken cancellationToken = default) =>
        Reaching(cluster.GetGrain<IArticleGrain>(id).GetProgressAsync(), cancellationToken);

    public Task<FeedResult> FollowFeedAsync(FeedSubscription subscription, CancellationToken cancellationToken = default) =>
        Reaching(cluster.Singleton<IFeedIntakeGrain>().FollowAsync(subscription), cancellationToken);

    public async Task<IReadOnlyList<FeedView>> ListFeedsAsync(CancellationToken cancellationToken = default) =>
        await Reaching(cluster.Singleton<IFeedIntakeGrain>().ListAsync(), cancellationToken);

    public Task<FeedView?> GetFeedAsync(string id, CancellationToken cancellationToken = default) =>
        Reaching(cluster.GetGrain<IFeedGrain>(id).GetAsync(), cancellationToken);

    public Task<FeedView?> PollFeedAsync(string id, CancellationToken cancellationToken = default) =>
        Reaching(cluster.GetGrain<IFeedGrain>(id).PollNowAsync(), cancellationToken);

    public Task<bool> UnfollowFeedAsync(string id, CancellationToken cancellationToken = default) =>
        Reaching(cluster.GetGrain<IFeedGrain>(id).DeleteAsync(), cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Reaching(cluster.GetGrain<IArticleGrain>(id).DeleteAsync(), cancellationToken);

    public Task<ArticleListPage> ListAsync(ArticleStatus? status = null, int page = 1, int pageSize = ArticleListQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var query = new ArticleListQuery(page, pageSize, status);
        if (query.Problem is { } problem)
            throw new ArgumentOutOfRangeException(page < 1 ? nameof(page) : nameof(pageSize), problem);
        return ListAsync(query, cancellationToken);
    }

    public Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default) =>
        query.Problem is { } problem
            ? throw new ArgumentException(problem, nameof(query))
            : Reaching(cluster.Singleton<IArticleArchiveGrain>().ListAsync(query), cancellationToken);

    public async IAsyncEnumerable<ArticleProgress> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var article = cluster.GetGrain<IArticleGrain>(id);
        ArticleProgress? last = null;
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            var current = await Reaching(article.GetProgressAsync(), cancellationToken)
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

    /// <summary>A call to the cluster; when no silo could be reached, a <see cref="GridUnavailableException"/> that says where the client looked.</summary>
    private async Task<T> Reaching<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException)
        {
            throw new GridUnavailableException($"The Grid cluster could not be reached {options.Value.Where} ({error.Message}).", error);
        }
    }
}
