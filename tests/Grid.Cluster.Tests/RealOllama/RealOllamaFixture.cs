using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.RealOllama;

/// <summary>One silo with its HTTP API whose backend is the real Ollama; nothing starts when there is none.</summary>
public sealed class RealOllamaFixture : IAsyncLifetime
{
    private GridSiloHost? _silo;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (RealOllama.Url is not { } url)
            return;
        var settings = GridSettings.For(url, RealOllama.Model, RealOllama.Slots);
        settings["Grid:Llm:RetryDelay"] = "00:00:01";
        _silo = await GridSiloHost.StartAsync(settings);
        Http = _silo.CreateClient();
        Http.Timeout = TimeSpan.FromMinutes(5);
    }

    public async Task DisposeAsync()
    {
        if (_silo is null)
            return;
        Http.Dispose();
        await _silo.DisposeAsync();
    }
}
