namespace Grid.Abstractions;

/// <summary>The one place that knows the key of every <see cref="ISingletonGrain"/>.</summary>
public static class SingletonGrains
{
    /// <summary>
    /// The key every singleton has. Grains already stored under it (the catalogs' lists, the outbox, the shard
    /// directory) are found there after an upgrade only while it stays 0.
    /// </summary>
    public const long Key = 0;

    /// <summary>The cluster's one <typeparamref name="TGrain"/>.</summary>
    public static TGrain Singleton<TGrain>(this IGrainFactory grains) where TGrain : ISingletonGrain => grains.GetGrain<TGrain>(Key);
}
