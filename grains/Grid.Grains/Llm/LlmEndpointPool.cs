using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OllamaSharp;

namespace Grid.Grains.Llm;

/// <summary>The configured backends, each with its chat client.</summary>
public sealed class LlmEndpointPool : IDisposable
{
    private readonly IReadOnlyList<LlmEndpoint> _endpoints;

    public LlmEndpointPool(IOptions<LlmOptions> options)
    {
        var settings = options.Value;
        _endpoints = [.. settings.EffectiveEndpoints.Select(endpoint => Create(endpoint, settings))];
    }

    public IReadOnlyList<LlmEndpoint> Endpoints => _endpoints;

    public void Dispose()
    {
        foreach (var endpoint in _endpoints)
            endpoint.Dispose();
    }

    private static LlmEndpoint Create(LlmEndpointOptions endpoint, LlmOptions settings)
    {
        // One long-lived client per backend; the pooled handler refreshes connections so DNS changes are seen.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(endpoint.Url),
            Timeout = settings.RequestTimeout,
        };
        var ollama = new OllamaApiClient(http, settings.Model);
        var client = new ChatClientBuilder(ollama)
            .UseOpenTelemetry(sourceName: GridLlmTelemetry.SourceName)
            .Build();
        return new LlmEndpoint(endpoint, client, http, ollama);
    }
}
