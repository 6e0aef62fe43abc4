using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grid.Silo.Api;

/// <summary>Ready only while at least one LLM backend can take work: without one, articles are accepted but never translated.</summary>
public sealed class LlmHealthCheck(LlmEndpointPool pool, ILlmSlotDirectory slots) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var usages = await LlmEndpointUsages.ReadAsync(pool, slots);
        var usable = pool.Endpoints.Where((endpoint, i) => LlmEndpointUsages.Usable(endpoint, usages[i])).Count();
        if (usable > 0)
            return HealthCheckResult.Healthy($"{usable} of {pool.Endpoints.Count} LLM backends usable.");
        var problems = pool.Endpoints.Select((endpoint, i) => $"{endpoint.Url}: {endpoint.Health.Problem ?? (usages[i]?.Circuit == CircuitState.Open ? "circuit open" : "not usable")}");
        return HealthCheckResult.Unhealthy($"No LLM backend is usable ({string.Join("; ", problems)}).");
    }
}
