using Grid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests.Storage;

/// <summary>Grains keeping state through the provider in real silos of the one test host, stopped and started again on the same file.</summary>
public sealed class SqliteGrainStorageSiloTests : IDisposable
{
    private const string Arabic = "أخبار ذات صلة: وزير الخارجية العراقي فؤاد حسين يطلب جدولاً زمنياً لانسحاب القوات.";

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TheFileAndItsMissingFolderAreCreatedInWalModeWhenTheSiloStarts()
    {
        Assert.False(Directory.Exists(_database.Folder));

        await using var silo = await SqliteStorageSilo.StartAsync(_database.Path);

        Assert.True(File.Exists(_database.Path));
        Assert.Equal("wal", SqliteFile.Query<string>(_database.Path, "PRAGMA journal_mode"));
        Assert.Equal(0L, SqliteFile.Rows(_database.Path, GridStorage.Articles));
    }

    [Fact]
    public async Task AGrainsStateWrittenByOneSiloIsReadBackByAFreshSiloOnTheSameFile()
    {
        await using (var first = await SqliteStorageSilo.StartAsync(_database.Path))
        {
            var probe = first.Probe("article-1");
            Assert.False(await probe.RecordExistsAsync(GridStorage.Articles));
            await probe.AppendAsync(GridStorage.Articles, Arabic);
            await probe.AppendAsync(GridStorage.Translations, "Related news");
        }

        await using var second = await SqliteStorageSilo.StartAsync(_database.Path);
        var again = second.Probe("article-1");

        Assert.True(await again.RecordExistsAsync(GridStorage.Articles));
        Assert.Equal([Arabic], (await again.ReadAsync(GridStorage.Articles)).Lines);
        Assert.Equal(["Related news"], (await again.ReadAsync(GridStorage.Translations)).Lines);
    }

    [Fact]
    public async Task AFreshSiloKeepsWritingAndClearingWhereTheLastOneStopped()
    {
        await using (var first = await SqliteStorageSilo.StartAsync(_database.Path))
        {
            await first.Probe("kept").AppendAsync(GridStorage.Articles, "before the restart");
            await first.Probe("cleared").AppendAsync(GridStorage.Articles, "to be cleared after the restart");
        }

        await using (var second = await SqliteStorageSilo.StartAsync(_database.Path))
        {
            await second.Probe("kept").AppendAsync(GridStorage.Articles, "after the restart");
            await second.Probe("cleared").ClearAsync(GridStorage.Articles);
        }

        await using var third = await SqliteStorageSilo.StartAsync(_database.Path);
        Assert.Equal(["before the restart", "after the restart"], (await third.Probe("kept").ReadAsync(GridStorage.Articles)).Lines);
        Assert.False(await third.Probe("cleared").RecordExistsAsync(GridStorage.Articles));
    }

    [Fact]
    public async Task ManyGrainsWritingAtOnceThroughBothProvidersAllSucceedAndAllIsStored()
    {
        const int Grains = 100;
        const int WritesPerGrain = 4;
        await using (var silo = await SqliteStorageSilo.StartAsync(_database.Path))
        {
            // Every call at once: each grain's writes queue on that grain, while all the grains write side by side.
            await Task.WhenAll(Enumerable.Range(0, Grains).SelectMany(grain =>
                Enumerable.Range(0, WritesPerGrain).Select(write =>
                    silo.Probe($"busy-{grain}").AppendAsync(write % 2 == 0 ? GridStorage.Articles : GridStorage.Translations, $"{grain}.{write}"))));
        }

        Assert.Equal(Grains, SqliteFile.Rows(_database.Path, GridStorage.Articles));
        Assert.Equal(Grains, SqliteFile.Rows(_database.Path, GridStorage.Translations));
        await using var fresh = await SqliteStorageSilo.StartAsync(_database.Path);
        foreach (var grain in new[] { 0, 37, Grains - 1 })
        {
            // Calls sent at once may reach the grain in any order; what matters is that none is lost.
            Assert.Equal([$"{grain}.0", $"{grain}.2"], (await fresh.Probe($"busy-{grain}").ReadAsync(GridStorage.Articles)).Lines.Order());
            Assert.Equal([$"{grain}.1", $"{grain}.3"], (await fresh.Probe($"busy-{grain}").ReadAsync(GridStorage.Translations)).Lines.Order());
        }
    }

    [Fact]
    public async Task TwoSilosStartingAndWritingAtOnceOnOneFileWaitForEachOtherRatherThanFail()
    {
        // Two silos with services of their own: no shared write gate, so SQLite's busy timeout is all that keeps them apart.
        var silos = await Task.WhenAll(SqliteStorageSilo.StartAsync(_database.Path), SqliteStorageSilo.StartAsync(_database.Path));
        try
        {
            await Task.WhenAll(silos.SelectMany((silo, number) => Enumerable.Range(0, 50).Select(grain =>
                silo.Probe($"silo{number}-{grain}").AppendAsync(GridStorage.Articles, $"from silo {number}"))));
        }
        finally
        {
            await Task.WhenAll(silos.Select(silo => silo.DisposeAsync().AsTask()));
        }

        Assert.Equal(100L, SqliteFile.Rows(_database.Path, GridStorage.Articles));
    }

    [Fact]
    public async Task AStateCommittedBeforeACrashIsInTheFilesLeftOnDisk()
    {
        var crashed = Path.Combine(_database.Folder, "crashed", "grid.db");
        await using (var silo = await SqliteStorageSilo.StartAsync(_database.Path))
        {
            await silo.Probe("committed").AppendAsync(GridStorage.Articles, Arabic);

            // What a killed process leaves: the database and its write-ahead log as they are mid-run, with no
            // shutdown, checkpoint or close (the shared-memory index is rebuilt from the log on open).
            Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
            File.Copy(_database.Path, crashed);
            File.Copy(_database.Path + "-wal", crashed + "-wal");
        }

        await using var recovered = await SqliteStorageSilo.StartAsync(crashed);

        Assert.Equal([Arabic], (await recovered.Probe("committed").ReadAsync(GridStorage.Articles)).Lines);
    }

    [Fact]
    public async Task StoppingTheSiloClosesTheFileAndFoldsItsLogIntoIt()
    {
        await using (var silo = await SqliteStorageSilo.StartAsync(_database.Path))
        {
            await silo.Probe("folded").AppendAsync(GridStorage.Articles, "in the log until the silo stops");
            Assert.True(File.Exists(_database.Path + "-wal"));
        }

        Assert.False(File.Exists(_database.Path + "-wal"));
        Assert.Equal(1L, SqliteFile.Rows(_database.Path, GridStorage.Articles));
    }

    [Fact]
    public async Task AnEmptyPathStopsTheSiloFromStartingWithAMessageNamingTheSetting()
    {
        // The provider's own check, past the host's (which refuses an empty Grid:Sqlite:Path before any provider is made).
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SqliteStorageSilo.StartAsync(_database.Path, builder =>
            builder.Services.AddSqliteGrainStorage("empty-path", options => options.Configure(sqlite => sqlite.Path = " "))));

        Assert.Contains("Grid:Sqlite:Path", error.ToString());
    }
}
