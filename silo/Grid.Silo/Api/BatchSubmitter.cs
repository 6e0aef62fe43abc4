using System.Collections.Immutable;
using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>Hands a batch's articles to the intake a few at a time; each answer lands at its item's place, and one that fails stays its own problem.</summary>
public static partial class BatchSubmitter
{
    /// <summary>Enough to keep the intake busy without one batch crowding out everyone else's calls.</summary>
    private const int AtOnce = 8;

    public static async Task<ImmutableArray<BatchItemResponse>> SubmitAsync(
        IArticleIntakeGrain intake, ImmutableArray<BatchItem> items, ILogger logger, CancellationToken cancellationToken)
    {
        var answers = new BatchItemResponse[items.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Length), new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken },
            async (index, _) => answers[index] = items[index] switch
            {
                { Problem: { } problem } => BatchItemResponse.Refused(index, problem),
                { Submission: { } submission } => await SubmitOneAsync(intake, index, submission, logger),
                _ => throw new InvalidOperationException($"Batch item {index} is neither a submission nor a problem."),
            });
        return [.. answers];
    }

    private static async Task<BatchItemResponse> SubmitOneAsync(IArticleIntakeGrain intake, int index, ArticleSubmission submission, ILogger logger)
    {
        try
        {
            return await intake.SubmitAsync(submission) switch
            {
                SubmitReceipt receipt => BatchItemResponse.Accepted(index, receipt),
                SubmitRejection rejection => BatchItemResponse.Refused(index, Problems.Rejected(rejection).ProblemDetails),
                var other => throw new InvalidOperationException($"The intake answered batch item {index} with a {other.GetType().Name}."),
            };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A call that failed says nothing about the other articles: this one is reported, the rest go on.
            LogItemFailed(logger, index, error.Message);
            return BatchItemResponse.Refused(index, Problems.Unavailable($"This article could not be submitted ({error.Message}); submitting it again is safe.").ProblemDetails);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch item {Index} could not be submitted: {Error}")]
    private static partial void LogItemFailed(ILogger logger, int index, string error);
}
