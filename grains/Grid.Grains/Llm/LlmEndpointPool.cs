using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace Grid.Grains.Llm;

/// <summary>The configured backends, each with its chat client: OllamaSharp for Ollama, the OpenAI client for OpenAI-compatible servers (vLLM).</summary>
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
        // An answer given up on is never drained to keep its connection: closing it at once is what stops the backend generating.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxResponseDrainSize = 0 };
        var http = new HttpClient(new AttemptDeadlineHandler(handler))
        {
            BaseAddress = new Uri(endpoint.Url),
            // Each LLM attempt has its own deadlines, which hold while the answer streams (AttemptDeadline); checks
            // have theirs, and a model pull takes as long as it needs.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (endpoint.Kind == LlmEndpointKind.OpenAI)
            return new LlmEndpoint(endpoint, OpenAIChatClient(endpoint, settings, http), http);
        // The gateway traces each request itself (LlmChatSpan), from what it reads off the stream.
        var ollama = new OllamaApiClient(http, settings.Model);
        return new LlmEndpoint(endpoint, ollama, http, ollama);
    }

    private static IChatClient OpenAIChatClient(LlmEndpointOptions endpoint, LlmOptions settings, HttpClient http)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = OpenAIBase(endpoint.Url),
            Transport = new HttpClientPipelineTransport(http),
            // The gateway retries, on another endpoint where it can; the client's own retries would hide failures from the circuit breaker.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.RequestTimeout,
        };
        // vLLM takes any key unless it was started with --api-key.
        return new ChatClient(settings.Model, new ApiKeyCredential(endpoint.ApiKey ?? "unused"), options).AsIChatClient();
    }

    /// <summary>The API's base: the URL as given when it ends in <c>/v1</c>, else the server's root plus <c>/v1</c>.</summary>
    public static Uri OpenAIBase(string url)
    {
        var trimmed = url.TrimEnd('/');
        return new Uri(trimmed.EndsWith("/v1", StringComparison.Ordinal) ? trimmed : trimmed + "/v1");
    }
}
