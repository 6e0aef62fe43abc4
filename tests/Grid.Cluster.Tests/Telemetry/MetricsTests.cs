using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Llm;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly GridMeterReader _meters = new();
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(GridSettings.For(_emulator.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        _meters.Dispose();
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task TheGridMeterCountsWhatTheEmulatorSaw()
    {
        using var http = _silo.CreateClient();
        var texts = SharedParagraphArticles.Generate(count: 6, paragraphs: 4, sharedShare: 0.5, seed: 5).Select(SharedParagraphArticles.Page).ToList();
        var before = _emulator.Requests.Select(request => request.Sequence).DefaultIfEmpty(0).Max();
        _meters.Clear();

        foreach (var text in texts)
        {
            // One at a time, so a shared chunk is a cache hit, not a join of a running job.
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            await http.WaitUntilFinishedAsync((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        var requests = _emulator.Requests.Where(request => request.Sequence > before && request.Kind == RequestKinds.Chat).ToList();
        var work = texts.SelectMany(text => GridSettings.ChunkKeys(text)).ToList();
        Assert.Equal(texts.Count, Total("grid.articles.submitted"));
        Assert.Equal(texts.Count, Total("grid.articles.completed"));
        Assert.Equal(requests.Count(request => !request.Structured), Total("grid.chunk.translations|grid.cache=miss"));
        // Each paragraph is a chunk here; one met again is answered by the paragraph cache before any chunk is asked for.
        Assert.Equal(work.Count - work.Distinct().Count(), Total("grid.chunk.translations|grid.cache=hit") + Total("grid.paragraph.lookups|grid.cache=hit"));
        Assert.Equal(requests.Count, Total("gen_ai.client.operation.duration"));
        Assert.Equal(requests.Sum(request => request.PromptEvalCount), Total("gen_ai.client.token.usage|gen_ai.token.type=input"));
        Assert.Equal(requests.Sum(request => request.EvalCount), Total("gen_ai.client.token.usage|gen_ai.token.type=output"));
        // Grid's own LLM instruments, by endpoint: every request answered and accepted, timed to its first token.
        Assert.Equal(requests.Count, Total("grid.llm.calls|grid.llm.outcome=ok"));
        Assert.Equal(requests.Count, Total($"grid.llm.calls|grid.llm.endpoint={_emulator.BaseAddress}"));
        Assert.Equal(requests.Count, Total("grid.llm.time_to_first_token"));
        Assert.Equal(requests.Count, Total("grid.llm.duration"));
        Assert.Equal(requests.Sum(request => request.PromptEvalCount), Total("grid.llm.tokens|gen_ai.token.type=input"));
        Assert.Equal(requests.Sum(request => request.EvalCount), Total("grid.llm.tokens|gen_ai.token.type=output"));
    }

    [Fact]
    public async Task AnArticleAskingAgainWhileItsChunksRunIsNotCountedAsJoiningThem()
    {
        using var http = _silo.CreateClient();
        var text = SharedParagraphArticles.Page(SharedParagraphArticles.Generate(count: 1, paragraphs: 4, sharedShare: 0, seed: 6)[0]);
        var before = _emulator.Requests.Select(request => request.Sequence).DefaultIfEmpty(0).Max();
        _meters.Clear();
        // Slow answers: the article's watchdog (every second here) asks for its running chunks many times.
        _emulator.UpdateSettings(settings => settings with { TokensPerSecond = 60 });
        try
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            await http.WaitUntilFinishedAsync((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }
        finally
        {
            _emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        }

        var translations = _emulator.Requests.Count(request => request.Sequence > before && request.Kind == RequestKinds.Chat && !request.Structured);
        Assert.True(translations > 1, $"{translations} translation calls: the article should need several chunks");
        Assert.Equal(translations, Total("grid.chunk.translations|grid.cache=miss"));
        Assert.Equal(0, Total("grid.chunk.translations|grid.cache=joined"));
    }

    [Fact]
    public async Task MetricsAreScrapedInPrometheusTextFormat()
    {
        using var http = _silo.CreateClient();
        using var posted = await http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        await http.WaitUntilFinishedAsync((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        using var scrape = await http.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", scrape.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# TYPE grid_articles_submitted_total counter", text);
        Assert.Contains("grid_articles_completed_total", text);
        Assert.Contains("grid_chunk_translations_total{", text);
        Assert.Contains("gen_ai_client_token_usage", text);
        Assert.Contains("gen_ai_client_operation_duration_seconds", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("grid_llm_calls_total{", text);
        Assert.Contains("grid_llm_tokens_total{", text);
        Assert.Contains("grid_llm_duration_seconds_bucket{", text);
        Assert.Contains("grid_llm_time_to_first_token_seconds_bucket{", text);
        Assert.Contains("grid_llm_slots_busy{", text);
        Assert.Contains("grid_llm_slots_waiting{", text);
    }

    private double Total(string key) => _meters.Total(key);
}
