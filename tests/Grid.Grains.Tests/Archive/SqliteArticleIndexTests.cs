using Grid.Grains.Archive;
using Grid.Grains.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grid.Grains.Tests.Archive;

/// <summary>The article index contract on the SQLite file of the single-node default.</summary>
public sealed class SqliteArticleIndexTests : ArticleIndexContract
{
    private readonly TemporaryDatabase _database = new();

    protected override Task<IArticleIndex> CreateAsync() => ReopenAsync();

    protected override Task<IArticleIndex> ReopenAsync() => OpenBesideAsync(ServiceId);

    protected override Task<IArticleIndex> OpenBesideAsync(string serviceId) =>
        Task.FromResult<IArticleIndex>(new SqliteArticleIndex(_database.Path, serviceId, NullLogger<SqliteArticleIndex>.Instance));

    protected override async Task CloseAsync(IArticleIndex index) => await ((SqliteArticleIndex)index).DisposeAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
