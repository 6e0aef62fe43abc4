namespace Grid.Grains.Tests.Storage;

/// <summary>One running silo on one temporary file, shared by tests that each use grain keys of their own.</summary>
public sealed class SqliteStorageFixture : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    internal string Path => _database.Path;

    internal GridSiloHost Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await SqliteStorageSilo.StartAsync(_database.Path);

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _database.Dispose();
    }
}
