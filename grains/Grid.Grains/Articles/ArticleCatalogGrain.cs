using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Grains.Archive;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Articles;

/// <summary>
/// <inheritdoc cref="IArticleCatalogGrain"/>
/// Changes apply in memory at once and are written after <see cref="CatalogOptions.SaveDelay"/>,
/// together: a crash loses at most that much of the list, and an article puts its entry back
/// whenever it is next activated or changes.
/// </summary>
public sealed class ArticleCatalogGrain : Grain, IArticleCatalogGrain
{
    /// <summary>Deletions remembered in memory against late records; a reordered message arrives within moments, not after a thousand deletions.</summary>
    private const int MaxRemembered = 1024;

    private readonly IPersistentState<ArticleCatalogState> _state;
    private readonly StateCheckpoint<ArticleCatalogState> _checkpoint;
    private readonly CatalogOptions _options;
    private readonly Dictionary<string, DateTimeOffset> _removed = [];
    private IGrainTimer? _saveTimer;
    private bool _dirty;

    public ArticleCatalogGrain(
        [PersistentState("catalog", GridStorage.Articles)] IPersistentState<ArticleCatalogState> state,
        IOptions<CatalogOptions> options,
        ILogger<ArticleCatalogGrain> logger)
    {
        (_state, _options) = (state, options.Value);
        _checkpoint = new StateCheckpoint<ArticleCatalogState>(state, ArticleCatalogState.Merge, logger);
    }

    private Dictionary<string, ArticleListItem> Entries => _state.State.Entries;

    public Task RecordAsync(ArticleListItem item)
    {
        if (_removed.TryGetValue(item.Id, out var removedSubmittedAt) && item.SubmittedAt <= removedSubmittedAt)
            return Task.CompletedTask;
        if (Entries.TryGetValue(item.Id, out var listed) && listed == item)
            return Task.CompletedTask;
        Entries[item.Id] = item;
        KeepNewest();
        ScheduleSave();
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string id, DateTimeOffset submittedAt)
    {
        if (_removed.Count >= MaxRemembered)
            _removed.Clear();
        _removed[id] = submittedAt;
        if (Entries.Remove(id))
            ScheduleSave();
        return Task.CompletedTask;
    }

    public Task<ArticleListPage> ListAsync(ArticleListQuery query)
    {
        if (query.Searches)
            throw new NotSupportedException(CatalogArticleIndex.NoSearch);
        var matching = Entries.Values.Where(item => (query.Status is null || item.Status == query.Status) && (query.Feed is null || item.Feed == query.Feed)
            && (query.From is null || item.SubmittedAt >= query.From) && (query.To is null || item.SubmittedAt < query.To)).ToList();
        var newestFirst = matching.OrderByDescending(item => item.SubmittedAt).ThenBy(item => item.Id, StringComparer.Ordinal);
        var rest = query.Cursor is { } after
            ? newestFirst.Where(item => item.SubmittedAt < after.SubmittedAt || (item.SubmittedAt == after.SubmittedAt && string.CompareOrdinal(item.Id, after.Id) > 0))
            : newestFirst.Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize));
        var items = rest.Take(query.PageSize + 1).ToList();
        var page = items.Take(query.PageSize).ToImmutableArray();
        var next = items.Count > query.PageSize ? ArticleListCursor.After(page[^1], query.PageNumber + 1).ToString() : null;
        return Task.FromResult(new ArticleListPage(page, query.PageNumber, query.PageSize, matching.Count, next));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
            await SaveAsync(cancellationToken);
    }

    private void KeepNewest()
    {
        var excess = Entries.Count - _options.MaxEntries;
        if (excess <= 0)
            return;
        foreach (var oldest in Entries.Values.OrderBy(item => item.SubmittedAt).Take(excess).Select(item => item.Id).ToList())
            Entries.Remove(oldest);
    }

    private void ScheduleSave()
    {
        _dirty = true;
        _saveTimer ??= this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(_options.SaveDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        _saveTimer?.Dispose();
        _saveTimer = null;
        _dirty = false;
        if (!await _checkpoint.SaveAsync())
            ScheduleSave();
    }
}
