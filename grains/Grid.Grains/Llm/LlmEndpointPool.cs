using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OllamaSharp;

namespace Grid.Grains.Llm;

/// <summary>The configured backends, each with its chat client; hands out the least busy one.</summary>
public sealed class LlmEndpointPool : IDisposable
{
    private readonly IReadOnlyList<LlmEndpoint> _endpoints;

    public LlmEndpointPool(IOptions<LlmOptions> options)
    {
        var settings = options.Value;
        _endpoints = settings.EffectiveEndpoints
            .Select(endpoint => new LlmEndpoint(endpoint.Url, endpoint.Slots, CreateClient(endpoint, settings)))
            .ToList();
    }

    public IReadOnlyList<LlmEndpoint> Endpoints => _endpoints;

    public LlmEndpoint LeastBusy() => _endpoints.MinBy(endpoint => (double)endpoint.Load / endpoint.Slots)!;

    public void Dispose()
    {
        foreach (var endpoint in _endpoints)
            endpoint.Dispose();
    }

    private static IChatClient CreateClient(LlmEndpointOptions endpoint, LlmOptions settings)
    {
        // One long-lived client per backend; the pooled handler refreshes connections so DNS changes are seen.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(endpoint.Url),
            Timeout = settings.RequestTimeout,
        };
        return new ChatClientBuilder(new OllamaApiClient(http, settings.Model))
            .UseOpenTelemetry(sourceName: GridLlmTelemetry.SourceName)
            .Build();
    }
}
