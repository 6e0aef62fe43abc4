using Grid.OllamaEmulator.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.OllamaEmulator;

public static class EmulatorEndpointRouteBuilderExtensions
{
    /// <summary>Maps Ollama's routes and the emulator's <c>/_emulator</c> control routes.</summary>
    public static IEndpointRouteBuilder MapOllamaEmulator(this IEndpointRouteBuilder routes)
    {
        var completions = routes.ServiceProvider.GetRequiredService<CompletionEndpoint>();
        var models = routes.ServiceProvider.GetRequiredService<ModelEndpoints>();
        var control = routes.ServiceProvider.GetRequiredService<ControlEndpoints>();

        routes.MapMethods("/", ["GET", "HEAD"], models.RootAsync);
        routes.MapGet("/api/version", models.VersionAsync);
        routes.MapGet("/api/tags", models.TagsAsync);
        routes.MapGet("/api/ps", models.PsAsync);
        routes.MapPost("/api/show", models.ShowAsync);
        routes.MapPost("/api/pull", models.PullAsync);
        routes.MapPost("/api/chat", completions.ChatAsync);
        routes.MapPost("/api/generate", completions.GenerateAsync);

        routes.MapGet("/_emulator/stats", control.StatsAsync);
        routes.MapPost("/_emulator/reset", control.ResetAsync);
        routes.MapGet("/_emulator/faults", control.GetFaultsAsync);
        routes.MapPost("/_emulator/faults", control.SetFaultsAsync);

        // Ollama's router answers unknown paths with a plain-text 404.
        routes.MapFallback(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("404 page not found", context.RequestAborted).ConfigureAwait(false);
        });
        return routes;
    }
}
