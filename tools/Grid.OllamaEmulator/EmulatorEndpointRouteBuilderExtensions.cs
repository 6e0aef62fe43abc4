using Grid.OllamaEmulator.Endpoints;
using Grid.OllamaEmulator.OpenAI;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.OllamaEmulator;

public static class EmulatorEndpointRouteBuilderExtensions
{
    /// <summary>Maps Ollama's routes, the OpenAI-compatible <c>/v1</c> routes and the emulator's <c>/_emulator</c> control routes.</summary>
    public static IEndpointRouteBuilder MapOllamaEmulator(this IEndpointRouteBuilder routes)
    {
        var completions = routes.ServiceProvider.GetRequiredService<CompletionEndpoint>();
        var models = routes.ServiceProvider.GetRequiredService<ModelEndpoints>();
        var control = routes.ServiceProvider.GetRequiredService<ControlEndpoints>();
        var openAI = routes.ServiceProvider.GetRequiredService<OpenAIEndpoints>();

        routes.MapMethods("/", ["GET", "HEAD"], models.RootAsync);
        routes.MapGet("/api/version", models.VersionAsync);
        routes.MapGet("/api/tags", models.TagsAsync);
        routes.MapGet("/api/ps", models.PsAsync);
        routes.MapPost("/api/show", models.ShowAsync);
        routes.MapPost("/api/pull", models.PullAsync);
        routes.MapPost("/api/chat", completions.ChatAsync);
        routes.MapPost("/api/generate", completions.GenerateAsync);

        // vLLM's OpenAI-compatible API.
        routes.MapPost("/v1/chat/completions", openAI.ChatCompletionsAsync);
        routes.MapGet("/v1/models", openAI.ModelsAsync);

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
