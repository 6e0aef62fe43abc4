using Grid.Grains.Llm.Slots;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Grid.Grains.Llm;

/// <summary>One backend as this silo sees it: its chat client, and the last word on its slots across the cluster.</summary>
public sealed class LlmEndpoint(LlmEndpointOptions options, IChatClient client, HttpClient http, IOllamaApiClient? ollama = null) : IDisposable
{
    private SlotUsage _usage = SlotUsage.Idle(options.Slots);
    private LlmEndpointHealth _health = LlmEndpointHealth.NotChecked;

    public string Url { get; } = options.Url;

    public int Slots { get; } = options.Slots;

    public LlmEndpointKind Kind { get; } = options.Kind;

    /// <summary>The GenAI conventions' <c>gen_ai.provider.name</c> of the backend's API.</summary>
    public string ProviderName { get; } = options.Kind == LlmEndpointKind.OpenAI ? "openai" : "ollama";

    public string ServerAddress { get; } = new Uri(options.Url).Host;

    public int ServerPort { get; } = new Uri(options.Url).Port;

    public IChatClient Client { get; } = client;

    /// <summary>The backend's own HTTP client, for what the chat client does not cover (model list, pull).</summary>
    public HttpClient Http { get; } = http;

    /// <summary>Ollama's native API (model list, pull, load), for an Ollama endpoint; null for an OpenAI-compatible one.</summary>
    public IOllamaApiClient? Ollama { get; } = ollama;

    /// <summary>The cluster-wide usage of the slots, as the slot keeper last reported it.</summary>
    public SlotUsage Usage => Volatile.Read(ref _usage);

    public void Observe(SlotUsage usage) => Volatile.Write(ref _usage, usage);

    /// <summary>This silo's last check: reachable, model present, warmed.</summary>
    public LlmEndpointHealth Health
    {
        get => Volatile.Read(ref _health);
        set => Volatile.Write(ref _health, value);
    }

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
    }
}
