namespace Grid.Client;

/// <summary>How the client finds the cluster; the same keys the silo reads (<c>Grid:Clustering</c>, <c>Grid:Redis</c>, <c>Grid:ClusterId</c>, <c>Grid:Silo:GatewayPort</c>).</summary>
public sealed class GridClientOptions
{
    /// <summary><c>Localhost</c>: the silo on this machine at <see cref="GatewayPort"/>; <c>Redis</c>: any silo of the cluster registered in <see cref="Redis"/>.</summary>
    public string Clustering { get; set; } = "Localhost";

    public string Redis { get; set; } = "localhost:6379";

    public string ClusterId { get; set; } = "grid";

    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long starting the client keeps trying to reach a silo before it fails (<c>Grid:Client:ConnectTimeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the client looks for the cluster, in words for an error message.</summary>
    public string Where => string.Equals(Clustering, "Redis", StringComparison.OrdinalIgnoreCase)
        ? $"in cluster '{ClusterId}' registered in Redis at {Redis}"
        : $"at localhost:{GatewayPort}";

    /// <summary>
    /// Whose articles this client submits (a team, an import job): within a priority, owners take turns for the LLM.
    /// Null: <c>anonymous</c> (<c>Grid:Client:Owner</c>). Over HTTP the API key's name is the owner instead.
    /// </summary>
    public string? Owner { get; set; }

    /// <summary>How often <see cref="IGridClient.WaitAsync"/> looks at the article.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
