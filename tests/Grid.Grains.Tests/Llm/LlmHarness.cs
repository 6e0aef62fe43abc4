using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Summaries;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests.Llm;

/// <summary>
/// Grid's LLM services (registered by <c>AddGridGrains</c>, as in the silo) aimed at an in-process
/// Ollama emulator over real HTTP, with fast retries.
/// </summary>
internal sealed class LlmHarness : IAsyncDisposable
{
    public const string Model = "qwen2.5:7b";
    public const int MaxAttempts = 3;
    public const int ContextTokens = 8192;
    public const int Seed = 42;
    public const string KeepAlive = "30m";

    private readonly ServiceProvider _services;

    private LlmHarness(OllamaEmulatorServer emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
    }

    public OllamaEmulatorServer Emulator { get; }

    public IServiceProvider Services => _services;

    public ChunkTranslator Translator => _services.GetRequiredService<ChunkTranslator>();

    public LlmGateway Gateway => _services.GetRequiredService<LlmGateway>();

    public ArticleSummarizer Summarizer => _services.GetRequiredService<ArticleSummarizer>();

    public LlmEndpoint Endpoint => _services.GetRequiredService<LlmEndpointPool>().Endpoints.Single();

    public LlmSlotBroker Slots => _services.GetRequiredService<LlmSlotBroker>();

    /// <summary>Waits until as many requests wait in line for the endpoint's slots (polled: the in-process ledger has no change signal).</summary>
    public async Task WaitForSlotQueueAsync(int waiting)
    {
        var keeper = _services.GetRequiredService<ILlmSlotDirectory>().For(Endpoint.Url);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while ((await keeper.GetUsageAsync()).Waiting < waiting)
            await tick.WaitForNextTickAsync(Timeout);
    }

    /// <summary>Gives up on a test after 30 s instead of hanging the run.</summary>
    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>
    /// Starts an emulator with <paramref name="faults"/> and points Grid at it; <paramref name="settings"/>
    /// (keys under <c>Grid:Llm:</c>) override the defaults, and <c>{emulator}</c> in a value is the emulator's address.
    /// </summary>
    public static async Task<LlmHarness> StartAsync(
        Func<RuntimeSettings, RuntimeSettings>? faults = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Models = Model, Slots = 2, TokensPerSecond = 0 });
        if (faults is not null)
            emulator.UpdateSettings(faults);
        var url = emulator.BaseAddress.ToString().TrimEnd('/');
        var configuration = new Dictionary<string, string?>
        {
            ["Model"] = Model,
            ["Endpoints:0:Url"] = url,
            ["Endpoints:0:Slots"] = "2",
            ["ContextTokens"] = ContextTokens.ToString(),
            ["Seed"] = Seed.ToString(),
            ["KeepAlive"] = KeepAlive,
            ["MaxAttempts"] = MaxAttempts.ToString(),
            ["RetryDelay"] = "00:00:00.010",
            ["RequestTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value?.Replace("{emulator}", url, StringComparison.Ordinal);
        return new LlmHarness(emulator, BuildServices(configuration));
    }

    /// <summary>Grid's services from <c>Grid:Llm</c> settings alone, as the silo builds them.</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> llmSettings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(llmSettings.Select(setting => KeyValuePair.Create($"{LlmOptions.Section}:{setting.Key}", setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGridGrains(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IReadOnlyList<RequestRecord> ChatRequests => [.. Emulator.Requests.Where(request => request.Kind == RequestKinds.Chat)];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
