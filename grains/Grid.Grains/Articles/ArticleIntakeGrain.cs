using Grid.Abstractions.Articles;
using Grid.Grains.Pages;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Grid.Grains.Articles;

/// <summary>Derives the article id from the normalized text (or takes the caller's) and hands over to that article's grain.</summary>
/// <remarks>
/// Reentrant: it holds nothing, and its one await is the article's answer. Without it, a silo's few workers each wait for
/// one article's store before taking the next submission, and a burst of submissions queues behind them past the call timeout.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed class ArticleIntakeGrain : Grain, IArticleIntakeGrain
{
    public Task<SubmitResult> SubmitAsync(ArticleSubmission submission)
    {
        if (SubmissionValidator.CheckCallerId(submission.Id) is { } invalid)
            return Task.FromResult<SubmitResult>(invalid);

        // A web page (its HTML, or its URL to fetch) becomes text, or a URL to fetch, keyed by its address.
        var (prepared, articleId, rejection) = ServiceProvider.GetRequiredService<PageIntake>().Prepare(submission);
        if (rejection is not null)
            return Task.FromResult<SubmitResult>(rejection);
        return GrainFactory.GetGrain<IArticleGrain>(articleId!).SubmitAsync(prepared);
    }
}
