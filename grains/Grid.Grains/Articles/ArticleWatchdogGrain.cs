using System.Collections.Immutable;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <inheritdoc cref="IArticleWatchdogGrain"/>
/// <remarks>The grain type and state name are the ones the single watchdog had, so its stored set is found.</remarks>
public sealed partial class ArticleWatchdogGrain : Grain, IArticleWatchdogGrain
{
    private readonly IPersistentState<ArticleWatchdogState> _state;
    private readonly StateCheckpoint<ArticleWatchdogState> _checkpoint;
    private readonly ILogger<ArticleWatchdogGrain> _logger;

    public ArticleWatchdogGrain(
        [PersistentState("watchdog", GridStorage.Articles)] IPersistentState<ArticleWatchdogState> state,
        ILogger<ArticleWatchdogGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<ArticleWatchdogState>(state, ArticleWatchdogState.Merge, logger);
    }

    public async Task<ImmutableArray<int>> OpenAsync(int shards)
    {
        var changed = _state.State.ShardCounts.Add(shards);
        if (_state.State.Unfinished.Count > 0)
        {
            // Tracked in the shards before forgotten here: a crash in between hands them over again, which is harmless.
            var handed = _state.State.Unfinished.ToList();
            await UnfinishedArticleHandOver.ToShardsAsync(GrainFactory, handed, shards);
            _state.State.Unfinished.ExceptWith(handed);
            LogHandedOver(handed.Count, shards);
            changed = true;
        }
        if (changed && !await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The directory of unfinished articles' shards could not be saved: {_checkpoint.UnsavedBecause}");
        return [.. _state.State.ShardCounts.Where(count => count != shards).Order()];
    }

    public Task<ImmutableArray<string>> GetUnfinishedAsync() => Task.FromResult(_state.State.Unfinished.ToImmutableArray());

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unfinished articles kept by the watchdog before shards were handed over to {Shards} shards")]
    private partial void LogHandedOver(int count, int shards);
}
