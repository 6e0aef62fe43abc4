using System.Collections.Concurrent;

namespace Grid.Grains.Storage;

/// <summary>The SQLite files of this silo, one store per file, so that providers naming the same file share its write gate.</summary>
internal sealed class SqliteStateStores : IDisposable
{
    private readonly ConcurrentDictionary<string, SqliteStateStore> _stores =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public SqliteStateStore For(string path) => _stores.GetOrAdd(Path.GetFullPath(path), fullPath => new SqliteStateStore(fullPath));

    public void Dispose()
    {
        foreach (var store in _stores.Values)
            store.Dispose();
    }
}
