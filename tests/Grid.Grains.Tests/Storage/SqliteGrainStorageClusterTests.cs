using Grid.Grains.Storage;
using Orleans.TestingHost;

namespace Grid.Grains.Tests.Storage;

/// <summary>Grains keeping state through the provider in real silos, stopped and started again on the same file.</summary>
public sealed class SqliteGrainStorageClusterTests : IDisposable
{
    private const string Arabic = "أخبار ذات صلة: وزير الخارجية العراقي فؤاد حسين يطلب جدولاً زمنياً لانسحاب القوات.";

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TheFileAndItsMissingFolderAreCreatedInWalModeWhenTheSiloStarts()
    {
        Assert.False(Directory.Exists(_database.Folder));

        await using var cluster = await SqliteStorageCluster.StartAsync(_database.Path);

        Assert.True(File.Exists(_database.Path));
        Assert.Equal("wal", SqliteFile.Query<string>(_database.Path, "PRAGMA journal_mode"));
        Assert.Equal(0L, SqliteFile.Query<long>(_database.Path, "SELECT COUNT(*) FROM grain_state"));
    }

    [Fact]
    public async Task AGrainsStateWrittenByOneClusterIsReadBackByAFreshClusterOnTheSameFile()
    {
        await using (var first = await SqliteStorageCluster.StartAsync(_database.Path))
        {
            var probe = first.Probe("article-1");
            Assert.False(await probe.RecordExistsAsync(GridStorage.Articles));
            await probe.AppendAsync(GridStorage.Articles, Arabic);
            await probe.AppendAsync(GridStorage.Translations, "Related news");
        }

        await using var second = await SqliteStorageCluster.StartAsync(_database.Path);
        var again = second.Probe("article-1");

        Assert.True(await again.RecordExistsAsync(GridStorage.Articles));
        Assert.Equal([Arabic], (await again.ReadAsync(GridStorage.Articles)).Lines);
        Assert.Equal(["Related news"], (await again.ReadAsync(GridStorage.Translations)).Lines);
    }

    [Fact]
    public async Task AFreshClusterKeepsWritingAndClearingWhereTheLastOneStopped()
    {
        await using (var first = await SqliteStorageCluster.StartAsync(_database.Path))
        {
            await first.Probe("kept").AppendAsync(GridStorage.Articles, "before the restart");
            await first.Probe("cleared").AppendAsync(GridStorage.Articles, "to be cleared after the restart");
        }

        await using (var second = await SqliteStorageCluster.StartAsync(_database.Path))
        {
            await second.Probe("kept").AppendAsync(GridStorage.Articles, "after the restart");
            await second.Probe("cleared").ClearAsync(GridStorage.Articles);
        }

        await using var third = await SqliteStorageCluster.StartAsync(_database.Path);
        Assert.Equal(["before the restart", "after the restart"], (await third.Probe("kept").ReadAsync(GridStorage.Articles)).Lines);
        Assert.False(await third.Probe("cleared").RecordExistsAsync(GridStorage.Articles));
    }

    [Fact]
    public async Task ManyGrainsWritingAtOnceThroughBothProvidersAllSucceedAndAllIsStored()
    {
        const int Grains = 100;
        const int WritesPerGrain = 4;
        await using (var cluster = await SqliteStorageCluster.StartAsync(_database.Path))
        {
            // Every call at once: each grain's writes queue on that grain, while all the grains write side by side.
            await Task.WhenAll(Enumerable.Range(0, Grains).SelectMany(grain =>
                Enumerable.Range(0, WritesPerGrain).Select(write =>
                    cluster.Probe($"busy-{grain}").AppendAsync(write % 2 == 0 ? GridStorage.Articles : GridStorage.Translations, $"{grain}.{write}"))));
        }

        Assert.Equal(Grains, SqliteFile.Rows(_database.Path, GridStorage.Articles));
        Assert.Equal(Grains, SqliteFile.Rows(_database.Path, GridStorage.Translations));
        await using var fresh = await SqliteStorageCluster.StartAsync(_database.Path);
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
        var clusters = await Task.WhenAll(SqliteStorageCluster.StartAsync(_database.Path), SqliteStorageCluster.StartAsync(_database.Path));
        try
        {
            await Task.WhenAll(clusters.SelectMany((cluster, silo) => Enumerable.Range(0, 50).Select(grain =>
                cluster.Probe($"silo{silo}-{grain}").AppendAsync(GridStorage.Articles, $"from silo {silo}"))));
        }
        finally
        {
            await Task.WhenAll(clusters.Select(cluster => cluster.DisposeAsync().AsTask()));
        }

        Assert.Equal(100L, SqliteFile.Rows(_database.Path, GridStorage.Articles));
    }

    [Fact]
    public async Task AStateCommittedBeforeACrashIsInTheFilesLeftOnDisk()
    {
        var crashed = Path.Combine(_database.Folder, "crashed", "grid.db");
        await using (var cluster = await SqliteStorageCluster.StartAsync(_database.Path))
        {
            await cluster.Probe("committed").AppendAsync(GridStorage.Articles, Arabic);

            // What a killed process leaves: the database and its write-ahead log as they are mid-run, with no
            // shutdown, checkpoint or close (the shared-memory index is rebuilt from the log on open).
            Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
            File.Copy(_database.Path, crashed);
            File.Copy(_database.Path + "-wal", crashed + "-wal");
        }

        await using var recovered = await SqliteStorageCluster.StartAsync(crashed);

        Assert.Equal([Arabic], (await recovered.Probe("committed").ReadAsync(GridStorage.Articles)).Lines);
    }

    [Fact]
    public async Task StoppingTheSiloClosesTheFileAndFoldsItsLogIntoIt()
    {
        await using (var cluster = await SqliteStorageCluster.StartAsync(_database.Path))
        {
            await cluster.Probe("folded").AppendAsync(GridStorage.Articles, "in the log until the silo stops");
            Assert.True(File.Exists(_database.Path + "-wal"));
        }

        Assert.False(File.Exists(_database.Path + "-wal"));
        Assert.Equal(1L, SqliteFile.Rows(_database.Path, GridStorage.Articles));
    }

    [Fact]
    public async Task AnEmptyPathStopsTheSiloFromStartingWithAMessageNamingTheSetting()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddSqliteGrainStorage(GridStorage.Articles, " "));
        await using var cluster = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        Assert.Contains("Grid:Sqlite:Path", error.ToString());
    }
}
