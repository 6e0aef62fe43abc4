using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.Grains.Llm;
using Grid.OllamaEmulator;
using OpenTelemetry.Trace;

namespace Grid.Cluster.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TracingTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(GridSettings.For(_emulator.BaseAddress),
            builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task OneArticleIsOneTraceFromThePostToEveryLlmRequestAndTheSummary()
    {
        using var http = _silo.CreateClient();
        var before = _emulator.Requests.Select(request => request.Sequence).DefaultIfEmpty(0).Max();
        using var posted = await http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var article = await http.WaitUntilFinishedAsync(id);
        var chunks = article["progress"]!["chunksTotal"]!.GetValue<int>();

        var spans = Snapshot();
        var post = Assert.Single(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("POST /api/articles"));
        var trace = spans.Where(span => span.TraceId == post.TraceId).ToList();

        Assert.Contains(trace, span => span.DisplayName.Contains("IArticleGrain"));
        Assert.True(trace.Count(span => span.DisplayName.Contains("IChunkTranslationGrain")) >= chunks, "a span per chunk grain call");
        Assert.Contains(trace, span => span.DisplayName == "article.summarize");
        var llmRequests = _emulator.Requests.Where(request => request.Kind == RequestKinds.Chat && request.Sequence > before).ToList();
        var chatSpans = trace.Where(span => span.Source.Name == GridLlmTelemetry.SourceName).ToList();
        Assert.Equal(llmRequests.Count, chatSpans.Count);
        Assert.All(chatSpans, span => Assert.StartsWith("chat ", span.DisplayName));
        var httpToBackend = trace.Where(span => span.Kind == ActivityKind.Client && span.Source.Name != GridLlmTelemetry.SourceName
            && span.GetTagItem("server.port") is int port && port == _emulator.BaseAddress.Port);
        Assert.Equal(llmRequests.Count, httpToBackend.Count());

        Assert.All(llmRequests, request => Assert.Equal(post.TraceId.ToString(), request.Traceparent?.Split('-')[1]));
    }

    [Fact]
    public async Task AClientsTraceparentIsContinued()
    {
        using var http = _silo.CreateClient();
        // The caller's own sampled span: its HttpClient sends it as traceparent.
        using var caller = new Activity("caller") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();
        using var posted = await http.PostAsync("/api/articles",
            new StringContent("قال المتحدث باسم الوزارة إن الاجتماع المقبل سيبحث ملفات التعاون الأمني بين البلدين.", Encoding.UTF8, "text/plain"));
        caller.Stop();
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await http.WaitUntilFinishedAsync(id);

        var post = Snapshot().Last(span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("POST /api/articles"));
        Assert.Equal(caller.TraceId, post.TraceId);
        var translation = Assert.Single(_emulator.Requests, r => r.Kind == RequestKinds.Chat && r.LastUserMessage!.Contains("الاجتماع المقبل"));
        Assert.Equal(caller.TraceId.ToString(), translation.Traceparent?.Split('-')[1]);
    }

    /// <summary>The exporter appends as spans end; a copy is read, never the list it writes to.</summary>
    private List<Activity> Snapshot() => [.. _spans.ToArray()];
}
