namespace Grid.Grains.Archive;

/// <summary>Makes the index file ready while the silo starts, beside the grain storage.</summary>
internal sealed class ArchiveStartup(SqliteArticleIndex index) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ArchiveStartup), ServiceLifecycleStage.ApplicationServices, index.EnsureReadyAsync);
}
