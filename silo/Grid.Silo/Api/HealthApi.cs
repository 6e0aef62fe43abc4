using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;

namespace Grid.Silo.Api;

/// <summary><c>/health</c>: the process is up and its silo is serving, and each LLM endpoint's slots across the cluster.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (LlmEndpointPool pool, ILlmSlotDirectory slots) =>
        {
            var usages = await Task.WhenAll(pool.Endpoints.Select(endpoint => slots.For(endpoint.Url).GetUsageAsync()));
            return TypedResults.Ok(new
            {
                Status = "ok",
                Endpoints = pool.Endpoints.Select((endpoint, i) => new
                {
                    endpoint.Url,
                    Kind = endpoint.Kind.ToString(),
                    endpoint.Slots,
                    usages[i].Busy,
                    usages[i].Waiting,
                    Circuit = usages[i].Circuit.ToString(),
                }),
            });
        });
        return app;
    }
}
