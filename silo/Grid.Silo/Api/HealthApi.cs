using System.Text.Json;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grid.Silo.Api;

/// <summary>
/// <c>/health</c>: the process is up and its silo is serving (always 200), and each LLM endpoint as
/// this silo last checked it (reachable, model present, warmed) with its slots and circuit across the
/// cluster. <c>status</c> is <c>degraded</c> when no endpoint can take work.
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (storage answers and at least one
/// backend is usable; 503 otherwise) are ASP.NET Core health checks, for orchestrators and load balancers.
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddGridHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<LlmHealthCheck>("llm", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (LlmEndpointPool pool, ILlmSlotDirectory slots) =>
        {
            var usages = await LlmEndpointUsages.ReadAsync(pool, slots);
            var endpoints = pool.Endpoints.Select((endpoint, i) => Describe(endpoint, usages[i])).ToList();
            var usable = pool.Endpoints.Where((endpoint, i) => LlmEndpointUsages.Usable(endpoint, usages[i]));
            return TypedResults.Ok(new { Status = usable.Any() ? "ok" : "degraded", Endpoints = endpoints });
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>The report as JSON: its status and, per check, its status and a sentence; not ready is 503 (the health checks' default).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { Status = Word(entry.Value.Status), Detail = entry.Value.Description });
        return JsonSerializer.SerializeAsync(context.Response.Body, new { Status = Word(report.Status), Checks = checks }, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static string Word(HealthStatus status) => status.ToString().ToLowerInvariant();

    private static object Describe(LlmEndpoint endpoint, SlotUsage? usage) => new
    {
        endpoint.Url,
        Kind = endpoint.Kind.ToString(),
        endpoint.Health.Checked,
        endpoint.Health.Reachable,
        endpoint.Health.ModelPresent,
        endpoint.Health.Warmed,
        endpoint.Health.Problem,
        endpoint.Health.CheckedAt,
        Circuit = usage?.Circuit.ToString() ?? "unknown",
        ConsecutiveFailures = usage?.ConsecutiveFailures,
        RetryAt = usage?.RetryAt,
        endpoint.Slots,
        Busy = usage?.Busy,
        Waiting = usage?.Waiting,
    };
}
