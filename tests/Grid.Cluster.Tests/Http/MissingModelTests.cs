using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

public sealed class MissingModelTests : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public async Task InitializeAsync() => _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { TokensPerSecond = 0 }, "absent-model:1b");

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact]
    public async Task AnArticleFailsWithAMessageThatSaysHowToGetTheModel()
    {
        using var http = _grid.Silo.CreateClient();
        using var posted = await http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var article = await http.WaitUntilFinishedAsync(id);

        Assert.Equal("failed", article["status"]!.GetValue<string>());
        var failure = article["failure"]!.GetValue<string>();
        Assert.Contains("absent-model:1b", failure);
        Assert.Contains("ollama pull", failure);
        Assert.Equal(_grid.Emulator.Stats.Kind(RequestKinds.Chat), _grid.Emulator.Stats.Outcome(RequestOutcomes.NotFound));
    }
}
