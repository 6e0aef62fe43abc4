namespace Grid.Abstractions;

/// <summary>
/// A grain the cluster addresses by one key only: a single activation that holds cluster-wide state (the catalogs,
/// the webhook outbox, the directory of unfinished shards) or a stateless worker every silo runs locally (the
/// intakes, the archive). Reach one through <see cref="SingletonGrains.Singleton{TGrain}"/>, never by a key of your own.
/// </summary>
[Alias("grid.ISingletonGrain")]
public interface ISingletonGrain : IGrainWithIntegerKey;
