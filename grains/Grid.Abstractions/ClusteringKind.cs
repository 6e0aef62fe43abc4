namespace Grid.Abstractions;

/// <summary>How silos find each other and clients find silos: <c>Grid:Clustering</c>, read without regard to case.</summary>
public enum ClusteringKind
{
    /// <summary>One silo on this machine, at fixed ports; nothing to run.</summary>
    Localhost,
    /// <summary>Any number of silos, registered in Redis (<c>Grid:Redis</c>).</summary>
    Redis,
    /// <summary>Any number of silos, registered in PostgreSQL (<c>Grid:Postgres</c>).</summary>
    Postgres,
}
