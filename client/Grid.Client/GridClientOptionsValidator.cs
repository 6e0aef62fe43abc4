using Grid.Abstractions;
using Microsoft.Extensions.Options;

namespace Grid.Client;

/// <summary>Checked before the client starts: a wrong key should stop it with a sentence that names the key, not time out later.</summary>
public sealed class GridClientOptionsValidator : IValidateOptions<GridClientOptions>
{
    public ValidateOptionsResult Validate(string? name, GridClientOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Clustering))
            errors.Add($"Grid:Clustering '{options.Clustering}' is not one of {string.Join(", ", Enum.GetNames<ClusteringKind>())}.");
        if (options.Clustering == ClusteringKind.Postgres && PostgresGateways.Problem(options.Postgres) is { } postgres)
            errors.Add(postgres);
        if (options.Clustering == ClusteringKind.Redis && string.IsNullOrWhiteSpace(options.Redis))
            errors.Add("Grid:Redis is empty: give the Redis connection string, e.g. localhost:6379.");
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            errors.Add("Grid:ClusterId is empty.");
        if (options.GatewayPort is < 1 or > 65535)
            errors.Add($"Grid:Silo:GatewayPort is {options.GatewayPort}: use a TCP port (1-65535).");
        if (options.ConnectTimeout <= TimeSpan.Zero)
            errors.Add($"Grid:Client:ConnectTimeout must be above zero, not {options.ConnectTimeout}.");
        if (options.PollInterval <= TimeSpan.Zero)
            errors.Add($"Grid:Client:PollInterval must be above zero, not {options.PollInterval}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
