namespace Grid.Client;

/// <summary>How the client finds the cluster; the same keys the silo reads (<c>Grid:Clustering</c>, <c>Grid:Silo:GatewayPort</c>).</summary>
public sealed class GridClientOptions
{
    public string Clustering { get; set; } = "Localhost";

    public int GatewayPort { get; set; } = 30000;

    /// <summary>How often <see cref="IGridClient.WaitAsync"/> looks at the article.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
