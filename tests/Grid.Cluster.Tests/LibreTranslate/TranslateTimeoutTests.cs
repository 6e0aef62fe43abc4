using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.LibreTranslate;

/// <summary>/translate when the LLM cannot answer: it gives up at its timeout, and work that failed is started again when asked again.</summary>
public sealed class TranslateTimeoutTests : IAsyncLifetime
{
    private const string Model = "absent-model:1b";

    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        var settings = GridSettings.For(_emulator.BaseAddress, Model);
        settings["Grid:Translate:Timeout"] = "00:00:02";
        settings["Grid:Translate:PollInterval"] = "00:00:00.050";
        settings["Grid:Translate:RestartInterval"] = "00:00:00.250";
        _silo = await GridSiloHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task WithoutItsModelTranslateAnswers503AtItsTimeoutAndOnceTheModelIsThereItTranslates()
    {
        using var http = _silo.CreateClient();
        const string text = "قال المتحدث باسم الحكومة يوم الأحد إن الوزارة ستعلن نتائج المباحثات الأسبوع المقبل.";
        var request = new { q = text, source = "ar", target = "en" };

        using var waited = await http.PostAsJsonAsync("/translate", request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), waited.Headers.RetryAfter?.Delta);
        Assert.Contains("not done yet after 2 s", (await waited.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
        Assert.True(_emulator.Stats.Kind(RequestKinds.Chat) >= 2, "the failed chunk is started again while the request waits");

        _emulator.AddModel(Model);
        using var translated = await http.PostAsJsonAsync("/translate", request);
        Assert.Equal(HttpStatusCode.OK, translated.StatusCode);
        Assert.Equal(GridSettings.ExpectedEnglish(text), GridSettings.Collapse((await translated.Content.ReadFromJsonAsync<JsonObject>())!["translatedText"]!.GetValue<string>()));
    }
}
