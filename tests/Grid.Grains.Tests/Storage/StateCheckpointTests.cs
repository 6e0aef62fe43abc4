using Grid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Storage;

/// <summary>A checkpoint given a serializer writes a state only when it differs from the one it last stored.</summary>
public sealed class StateCheckpointTests
{
    private static readonly Serializer<ProbeState> Fingerprints =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<ProbeState>>();

    private readonly CountingPersistentState<ProbeState> _state = new(new ProbeState { Lines = ["سطر أول"] });

    private StateCheckpoint<ProbeState> Checkpoint(Serializer<ProbeState>? fingerprints) =>
        new(_state, (_, mine) => mine, NullLogger.Instance, fingerprints);

    [Fact]
    public async Task ASaveThatChangesNothingWritesNothingAndAChangeIsWritten()
    {
        var checkpoint = Checkpoint(Fingerprints);

        for (var tick = 0; tick < 10; tick++)
            Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(1, _state.Writes);

        _state.State.Lines.Add("سطر ثان");
        Assert.True(await checkpoint.SaveAsync());
        Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(2, _state.Writes);

        _state.State.LastWrite = DateTimeOffset.UnixEpoch;
        Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(3, _state.Writes);
    }

    /// <summary>
    /// A save of a known change skips the fingerprint, so the checkpoint no longer knows what it stored: the next save
    /// that changed nothing writes once (and takes the fingerprint), the ones after it write nothing.
    /// </summary>
    [Fact]
    public async Task ASaveOfAKnownChangeIsWrittenAndTheNextSaveOfNothingNewWritesOnceMore()
    {
        var checkpoint = Checkpoint(Fingerprints);
        Assert.True(await checkpoint.SaveAsync());
        Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(1, _state.Writes);

        _state.State.Lines.Add("سطر ثان");
        Assert.True(await checkpoint.SaveAsync(changed: true));
        Assert.Equal(2, _state.Writes);

        for (var tick = 0; tick < 10; tick++)
            Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(3, _state.Writes);
    }

    [Fact]
    public async Task ASaveThatFailedIsWrittenAgainThoughNothingChangedSince()
    {
        var checkpoint = Checkpoint(Fingerprints);
        Assert.True(await checkpoint.SaveAsync());
        _state.State.Lines.Add("سطر ثان");
        _state.FailNext = int.MaxValue;

        Assert.False(await checkpoint.SaveAsync());
        var failed = _state.Writes;
        Assert.NotNull(checkpoint.UnsavedBecause);

        _state.FailNext = 0;
        Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(failed + 1, _state.Writes);
        Assert.Null(checkpoint.UnsavedBecause);
        Assert.True(await checkpoint.SaveAsync());
        Assert.Equal(failed + 1, _state.Writes);
    }

    [Fact]
    public async Task WithoutASerializerEverySaveWrites()
    {
        var checkpoint = Checkpoint(fingerprints: null);

        for (var tick = 0; tick < 3; tick++)
            Assert.True(await checkpoint.SaveAsync());

        Assert.Equal(3, _state.Writes);
    }
}
