using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Client.Tests.Http;

/// <summary>
/// A real HTTP server on loopback that answers like a Grid silo having a bad moment: each route
/// fails with its given status a number of times, then answers as the API does. It counts what came.
/// </summary>
public sealed class FlakyGridServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new();

    private FlakyGridServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Requests that reached the server, by "METHOD path".</summary>
    public int Calls(string route) => _calls.GetValueOrDefault(route);

    /// <param name="failures">How many times each route ("GET /api/articles/a1") first answers <paramref name="status"/>.</param>
    public static async Task<FlakyGridServer> StartAsync(IReadOnlyDictionary<string, int> failures, int status = StatusCodes.Status503ServiceUnavailable)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FlakyGridServer(app);
        app.Use(async (context, next) =>
        {
            var route = $"{context.Request.Method} {context.Request.Path}";
            var seen = server._calls.AddOrUpdate(route, 1, (_, count) => count + 1);
            if (seen <= failures.GetValueOrDefault(route))
            {
                context.Response.StatusCode = status;
                await Results.Problem("busy for a moment", statusCode: status, title: "Try again", type: "https://grid.local/problems/unavailable").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.MapGet("/api/articles/{id}", (string id) => Results.Json(new
        {
            id, status = "completed", progress = new { chunksDone = 1, chunksTotal = 1 }, title = new { ar = "عنوان", en = "Title" },
            paragraphs = new[] { new { index = 0, ar = "نص", en = "text" } }, omitted = Array.Empty<object>(), warnings = Array.Empty<string>(),
            usage = new { llmCalls = 1, inputTokens = 1, outputTokens = 1, llmMilliseconds = 1, cachedChunks = 0, elapsedMilliseconds = 1 },
            submittedAt = DateTimeOffset.UnixEpoch, mode = "fast", glossary = Array.Empty<object>(),
        }));
        app.MapPost("/api/articles", () => Results.Accepted("/api/articles/a1", new { id = "a1", status = "queued", alreadyKnown = false }));
        app.MapPost("/refusing/api/articles", () => Results.Problem("The text has no Arabic in it.", statusCode: 422, type: "https://grid.local/problems/no-arabic"));
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
