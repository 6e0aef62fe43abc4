using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>Grain storage whose every call fails the way a store that cannot be reached does.</summary>
internal sealed class UnreachableStorage : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Fail();

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Fail();

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Fail();

    private static Task Fail() => Task.FromException(new IOException("injected: the store does not answer"));
}
