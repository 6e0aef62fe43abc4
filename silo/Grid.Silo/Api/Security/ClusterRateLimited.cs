namespace Grid.Silo.Api.Security;

/// <summary>Marks the routes whose calls count against <c>Grid:Api:RequestsPerMinute</c> (see <see cref="ClusterRateLimiter"/>).</summary>
public sealed class ClusterRateLimited;
