using System.Collections.Concurrent;

namespace Grid.OllamaEmulator.Catalog;

/// <summary>The models the server has "pulled", and which of them are "loaded" (for <c>/api/ps</c>).</summary>
internal sealed class ModelCatalog
{
    private readonly ConcurrentDictionary<string, CatalogModel> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LoadedModel> _loaded = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public ModelCatalog(EmulatorOptions options, TimeProvider clock)
    {
        _clock = clock;
        foreach (var name in options.ModelNames)
            Add(name);
    }

    public IReadOnlyList<CatalogModel> Models => [.. _models.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];

    public CatalogModel? Find(string? requestedName) =>
        string.IsNullOrWhiteSpace(requestedName) ? null
        : _models.GetValueOrDefault(ModelName.Normalize(requestedName));

    public CatalogModel Add(string name)
    {
        var normalized = ModelName.Normalize(name);
        return _models.GetOrAdd(normalized, n => new CatalogModel(n, _clock.GetUtcNow()));
    }

    /// <summary>Marks a model as loaded until its keep-alive runs out (default 5 minutes); zero unloads it, negative keeps it.</summary>
    public void MarkUsed(CatalogModel model, TimeSpan? keepAlive, int contextLength)
    {
        var span = keepAlive ?? TimeSpan.FromMinutes(5);
        if (span == TimeSpan.Zero)
            _loaded.TryRemove(model.Name, out _);
        else
            _loaded[model.Name] = new LoadedModel(model, span < TimeSpan.Zero ? DateTimeOffset.MaxValue : _clock.GetUtcNow() + span, contextLength);
    }

    public IReadOnlyList<LoadedModel> Loaded()
    {
        var now = _clock.GetUtcNow();
        return [.. _loaded.Values.Where(loaded => loaded.ExpiresAt > now).OrderBy(loaded => loaded.Model.Name, StringComparer.Ordinal)];
    }
}
