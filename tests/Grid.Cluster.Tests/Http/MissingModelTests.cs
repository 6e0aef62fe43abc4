using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

public sealed class MissingModelTests : IAsyncLifetime
{
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(GridSettings.For(_emulator.BaseAddress, model: "absent-model:1b"));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AnArticleFailsWithAMessageThatSaysHowToGetTheModel()
    {
        using var http = _silo.CreateClient();
        using var posted = await http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var article = await http.WaitUntilFinishedAsync(id);

        Assert.Equal("failed", article["status"]!.GetValue<string>());
        var failure = article["failure"]!.GetValue<string>();
        Assert.Contains("absent-model:1b", failure);
        Assert.Contains("ollama pull", failure);
        Assert.Equal(_emulator.Stats.Kind(RequestKinds.Chat), _emulator.Stats.Outcome(RequestOutcomes.NotFound));
    }
}
