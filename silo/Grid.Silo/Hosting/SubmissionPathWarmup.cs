using Grid.Abstractions;
using Grid.Abstractions.Articles;

namespace Grid.Silo.Hosting;

/// <summary>
/// Sends one submission that is refused by design (a search-box label, cruft with no body) through the intake and
/// article grains at start, so the first real article does not pay for JIT and first activations.
/// Nothing is stored.
/// </summary>
public sealed class SubmissionPathWarmup(IGrainFactory grains, ILogger<SubmissionPathWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await grains.Singleton<IArticleIntakeGrain>().SubmitAsync(new ArticleSubmission("بحث")).WaitAsync(cancellationToken);
        logger.LogDebug("Submission path warmed up: {Outcome}", (result as SubmitRejection)?.Kind);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
