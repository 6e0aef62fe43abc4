using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>The provider's contract, called directly on the instances a real silo built, with Orleans' own serializer.</summary>
public sealed class SqliteGrainStorageTests(SqliteStorageFixture fixture) : IClassFixture<SqliteStorageFixture>
{
    private const string StateName = "probe";
    private const string Arabic = "قال المتحدث باسم البنتاغون، جون كيربي، إن اللقاء سيتناول أربعة ملفات؛ فهل تتفق بغداد؟";

    private readonly IGrainStorage _articles = fixture.Silo.Storage(GridStorage.Articles);
    private readonly IGrainStorage _translations = fixture.Silo.Storage(GridStorage.Translations);
    private readonly GrainId _grain = GrainId.Create("probe", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ReadingAStateThatWasNeverWrittenGivesTheDefaultWithNoRecordAndNoETag()
    {
        var state = new GrainState<ProbeState>(new ProbeState { Lines = ["left over from before"] }, "an old etag");

        await _articles.ReadStateAsync(StateName, _grain, state);

        Assert.Empty(LinesOf(state));
        Assert.Null(state.State?.LastWrite);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task AWrittenStateIsReadBackWholeWithArabicIntactAndTheETagOfItsWrite()
    {
        var lastWrite = new DateTimeOffset(2021, 4, 8, 9, 30, 0, TimeSpan.FromHours(3));
        var written = new GrainState<ProbeState>(new ProbeState { Lines = [Arabic, "second"], LastWrite = lastWrite });

        await _articles.WriteStateAsync(StateName, _grain, written);
        var read = await ReadAsync(_articles);

        Assert.True(written.RecordExists);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.Equal([Arabic, "second"], LinesOf(read));
        Assert.Equal(lastWrite, read.State?.LastWrite);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task EveryWriteSetsANewETag()
    {
        var state = Holding();
        var etags = new List<string?>();

        for (var i = 0; i < 3; i++)
        {
            LinesOf(state).Add($"line {i}");
            await _articles.WriteStateAsync(StateName, _grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
        Assert.All(etags, etag => Assert.False(string.IsNullOrEmpty(etag)));
    }

    [Fact]
    public async Task AWriteWithAStaleETagThrowsInconsistentStateExceptionNamingBothETagsAndLeavesTheStoredStateAsItWas()
    {
        var current = Holding("first");
        await _articles.WriteStateAsync(StateName, _grain, current);
        var stale = new GrainState<ProbeState>(new ProbeState { Lines = ["stale"] }, current.ETag);
        LinesOf(current).Add("second");
        await _articles.WriteStateAsync(StateName, _grain, current);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _articles.WriteStateAsync(StateName, _grain, stale));

        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
        Assert.NotEqual(conflict.StoredEtag, conflict.CurrentEtag);
        var read = await ReadAsync(_articles);
        Assert.Equal(["first", "second"], LinesOf(read));
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task AWriteWithoutAnETagWhereARowExistsThrowsInconsistentStateException()
    {
        var existing = Holding("there first");
        await _articles.WriteStateAsync(StateName, _grain, existing);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _articles.WriteStateAsync(StateName, _grain, Holding("blind insert")));

        Assert.Equal(existing.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
    }

    [Fact]
    public async Task AWriteWithAnETagWhereNoRowExistsThrowsInconsistentStateException()
    {
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _articles.WriteStateAsync(StateName, _grain, new GrainState<ProbeState>(new ProbeState(), "an etag from nowhere")));

        Assert.Null(conflict.StoredEtag);
        Assert.Equal("an etag from nowhere", conflict.CurrentEtag);
    }

    [Fact]
    public async Task ClearingDeletesTheRowResetsTheStateAndLetsTheNextWriteStartAfresh()
    {
        var state = Holding("to be cleared");
        await _articles.WriteStateAsync(StateName, _grain, state);

        await _articles.ClearStateAsync(StateName, _grain, state);

        Assert.Empty(LinesOf(state));
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var afterClear = await ReadAsync(_articles);
        Assert.False(afterClear.RecordExists);
        Assert.Null(afterClear.ETag);

        LinesOf(state).Add("after the clear");
        await _articles.WriteStateAsync(StateName, _grain, state);
        Assert.Equal(["after the clear"], LinesOf(await ReadAsync(_articles)));
    }

    [Fact]
    public async Task ClearingWithAStaleETagThrowsInconsistentStateExceptionAndKeepsTheRow()
    {
        var state = Holding("one");
        await _articles.WriteStateAsync(StateName, _grain, state);
        var stale = new GrainState<ProbeState>(state.State, state.ETag);
        await _articles.WriteStateAsync(StateName, _grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _articles.ClearStateAsync(StateName, _grain, stale));

        Assert.Equal(state.ETag, conflict.StoredEtag);
        Assert.True((await ReadAsync(_articles)).RecordExists);
    }

    [Fact]
    public async Task ClearingWithoutAnETagWhereARowExistsThrowsButClearingNothingIsFine()
    {
        await _articles.ClearStateAsync(StateName, _grain, Holding());
        await _articles.WriteStateAsync(StateName, _grain, Holding("written elsewhere"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _articles.ClearStateAsync(StateName, _grain, Holding()));
    }

    [Fact]
    public async Task TheSameGrainAndStateNameUnderTwoProvidersOnOneFileAreTwoSeparateRows()
    {
        var article = Holding("article");
        var translation = Holding("translation");

        await Task.WhenAll(
            _articles.WriteStateAsync(StateName, _grain, article),
            _translations.WriteStateAsync(StateName, _grain, translation));
        await _translations.ClearStateAsync(StateName, _grain, translation);

        var readArticle = await ReadAsync(_articles);
        Assert.Equal(["article"], LinesOf(readArticle));
        Assert.Equal(article.ETag, readArticle.ETag);
        Assert.False((await ReadAsync(_translations)).RecordExists);
    }

    [Fact]
    public async Task ManyConcurrentWritesFromThreadPoolThreadsThroughBothProvidersAllSucceed()
    {
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("probe", $"{_grain.Key}-{i}")).ToList();

        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (grain, _) =>
        {
            var storage = grain.Key.ToString()!.EndsWith('0') ? _translations : _articles;
            var state = Holding();
            for (var i = 0; i < 5; i++)
            {
                LinesOf(state).Add($"{grain} {i}");
                await storage.WriteStateAsync(StateName, grain, state);
            }
        });

        foreach (var grain in grains)
        {
            var storage = grain.Key.ToString()!.EndsWith('0') ? _translations : _articles;
            var read = new GrainState<ProbeState>();
            await storage.ReadStateAsync(StateName, grain, read);
            Assert.Equal(5, LinesOf(read).Count);
        }
    }

    private static GrainState<ProbeState> Holding(params string[] lines) => new(new ProbeState { Lines = [.. lines] });

    private static List<string> LinesOf(IGrainState<ProbeState> state) => Assert.IsType<ProbeState>(state.State).Lines;

    private async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage)
    {
        var state = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, _grain, state);
        return state;
    }
}
