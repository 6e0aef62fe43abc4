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

    [Fact]
    public async Task OnceTheModelIsThereSubmittingTheFailedArticleAgainFinishesIt()
    {
        using var http = _grid.Silo.CreateClient();
        const string text = "قال المتحدث باسم الحكومة يوم الأحد إن الوزارة ستعلن نتائج المباحثات الأسبوع المقبل بعد اجتماع موسع.";
        using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal("failed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());

        _grid.Emulator.AddModel("absent-model:1b");
        using var again = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        var article = await http.WaitUntilFinishedAsync(id);
        Assert.True("completed" == article["status"]!.GetValue<string>(), article.ToJsonString());
        Assert.NotNull(article["paragraphs"]![0]!["en"]);
        Assert.Empty(article["warnings"]!.AsArray());
    }
}
