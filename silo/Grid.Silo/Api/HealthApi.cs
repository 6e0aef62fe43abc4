using Grid.Grains.Llm;

namespace Grid.Silo.Api;

/// <summary><c>/health</c>: the process is up and its silo is serving.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (LlmEndpointPool pool) => TypedResults.Ok(new
        {
            Status = "ok",
            Endpoints = pool.Endpoints.Select(endpoint => new { endpoint.Url, endpoint.Slots, Busy = endpoint.Load }),
        }));
        return app;
    }
}
