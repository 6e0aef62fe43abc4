using Grid.Abstractions.Articles;
using Grid.Client.Evaluation;

namespace Grid.Cli.Evaluation;

/// <summary>What became of one pair: the article Grid made of its source and, once completed, how its English scores.</summary>
/// <param name="Receipt">Grid's answer to the submission; carries the rejection when the source was refused.</param>
/// <param name="Article">The finished article; null when the source was refused.</param>
/// <param name="Statistics">The chrF statistics of the article's English against the reference; null unless completed.</param>
public sealed record ArticleEvaluation(EvaluationPair Pair, SubmitReceipt Receipt, ArticleView? Article, ChrFStatistics? Statistics, double? Score)
{
    public bool Completed => Article?.Status == ArticleStatus.Completed;

    public string Outcome => Receipt.Rejection is not null ? "refused" : Article!.Status.ToString().ToLowerInvariant();

    /// <summary>Why there is no score: the rejection or the failure, in Grid's words.</summary>
    public string? Problem => Receipt.Rejection is { } rejection ? $"{rejection.Kind}: {rejection.Detail}" : Article?.Failure;
}
