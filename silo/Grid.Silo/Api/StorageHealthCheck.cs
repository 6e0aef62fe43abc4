using Grid.Grains;
using Grid.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;

namespace Grid.Silo.Api;

/// <summary>Ready only while the grain storage answers: without it no article can be accepted (202 means stored) or saved.</summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <summary>A store that takes longer than this to say "no such state" is as good as gone for a caller waiting on a submission.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var name in new[] { GridStorage.Articles, GridStorage.Translations })
        {
            try
            {
                await StorageProbe.ReadAsync(services.GetRequiredKeyedService<IGrainStorage>(name)).WaitAsync(Timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"Grain storage '{name}' did not answer within {Timeout.TotalSeconds:0} s.");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"Grain storage '{name}' cannot be read: {error.Message}");
            }
        }
        return HealthCheckResult.Healthy("Grain storage answers.");
    }
}
