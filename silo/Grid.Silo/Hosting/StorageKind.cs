namespace Grid.Silo.Hosting;

/// <summary>Where grain state is kept: <c>Grid:Storage</c>, read without regard to case.</summary>
public enum StorageKind
{
    /// <summary>A file on this machine (<c>Grid:Sqlite:Path</c>), for one node.</summary>
    Sqlite,
    /// <summary>Redis (<c>Grid:Redis</c>), shared by the cluster.</summary>
    Redis,
    /// <summary>PostgreSQL (<c>Grid:Postgres</c>), shared by the cluster.</summary>
    Postgres,
    /// <summary>This process's memory: gone with it.</summary>
    Memory,
}
