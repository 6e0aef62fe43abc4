using Grid.Abstractions.Articles;
using Grid.Client.Evaluation;

namespace Grid.Cli.Evaluation;

/// <summary>What became of one pair: the article Grid made of its source and, once completed, how its English scores.</summary>
/// <param name="Submitted">Grid's answer to the submission: its receipt, or the rejection when the source was refused.</param>
/// <param name="Article">The finished article; null when the source was refused.</param>
/// <param name="Statistics">The chrF statistics of the article's English against the reference; null unless completed.</param>
public sealed record ArticleEvaluation(EvaluationPair Pair, SubmitResult Submitted, ArticleView? Article, ChrFStatistics? Statistics, double? Score)
{
    public bool Completed => Article?.Status == ArticleStatus.Completed;

    /// <summary>The receipt of a source Grid took; null when it was refused.</summary>
    public SubmitReceipt? Receipt => Submitted as SubmitReceipt;

    public bool Refused => Submitted is SubmitRejection;

    public string Outcome => Refused ? "refused" : Article!.Status.ToString().ToLowerInvariant();

    /// <summary>Why there is no score: the rejection or the failure, in Grid's words.</summary>
    public string? Problem => Submitted is SubmitRejection rejection ? $"{rejection.Kind}: {rejection.Detail}" : Article?.Failure;
}
