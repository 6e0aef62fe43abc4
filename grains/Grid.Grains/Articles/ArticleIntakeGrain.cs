using Grid.Abstractions.Articles;
using Grid.Grains.Text;
using Orleans.Concurrency;

namespace Grid.Grains.Articles;

/// <summary>Derives the article id from the normalized text (or takes the caller's) and hands over to that article's grain.</summary>
[StatelessWorker]
public sealed class ArticleIntakeGrain : Grain, IArticleIntakeGrain
{
    public Task<SubmitReceipt> SubmitAsync(ArticleSubmission submission)
    {
        if (SubmissionValidator.CheckCallerId(submission.Id) is { } invalid)
            return Task.FromResult(SubmitReceipt.Refused(invalid));

        var articleId = submission.Id ?? ArticleIds.For(submission);
        return GrainFactory.GetGrain<IArticleGrain>(articleId).SubmitAsync(submission);
    }
}
