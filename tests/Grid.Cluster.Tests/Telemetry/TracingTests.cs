using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Redis;
using Grid.Grains.Text;
using Grid.Grains.Llm;
using Grid.OllamaEmulator;
using Grid.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Grid.Cluster.Tests.Telemetry;

/// <summary>
/// One trace per article across a two-silo cluster (Redis clustering): the POST is sent to the silo
/// that does not host the article's grain, so the trace must cross silos to be whole.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private OllamaEmulatorServer _emulator = null!;
    private readonly List<GridSiloHost> _silos = [];

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var settings = GridSettings.OnRedis(_emulator.BaseAddress, redis.ConnectionString, $"grid-trace-{Guid.NewGuid():N}"[..24], slots: 2);
        // Activity listeners are process-wide: the exporter added to the first silo records the spans of both.
        _silos.Add(await GridSiloHost.StartAsync(settings,
            builder => builder.AddGridTraceExporter(tracing => tracing.AddInMemoryExporter(_spans))));
        _silos.Add(await GridSiloHost.StartAsync(settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task OneArticleIsOneTraceFromThePostToEveryLlmRequestAndTheSummary()
    {
        using var http = (await OtherSiloThanTheArticlesAsync(SampleArticles.Seed)).CreateClient();
        var before = _emulator.Requests.Select(request => request.Sequence).DefaultIfEmpty(0).Max();
        using var posted = await http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var article = await http.WaitUntilFinishedAsync(id);
        var chunks = article["progress"]!["chunksTotal"]!.GetValue<int>();

        // The article is completed once its summary is saved; the summary's span ends a moment after.
        var spans = await SnapshotOnceAsync(spans => spans.Any(span => span.DisplayName == "article.summarize" && (string?)span.GetTagItem("grid.article.id") == id));
        var post = Assert.Single(spans, span => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("POST /api/articles"));
        var trace = spans.Where(span => span.TraceId == post.TraceId).ToList();

        // The article's grain call was served on the other silo, and is in the POST's trace.
        Assert.Contains(trace, span => span.Kind == ActivityKind.Server && span.DisplayName.Contains("IArticleGrain/SubmitAsync"));
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
        using var http = _silos[1].CreateClient();
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

    /// <summary>
    /// The silo that does not host the grain of the article this text makes: the article's grain is
    /// activated first (an unknown article answers null), then the cluster says where it lives.
    /// </summary>
    private async Task<GridSiloHost> OtherSiloThanTheArticlesAsync(string text)
    {
        var grains = _silos[0].Services.GetRequiredService<IGrainFactory>();
        var article = grains.GetGrain<IArticleGrain>(ContentHash.Of(text));
        Assert.Null(await article.GetProgressAsync());
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(article);
        return _silos.Single(silo => !silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Equals(host));
    }

    /// <summary>The exporter appends as spans end; a copy is read, never the list it writes to.</summary>
    private List<Activity> Snapshot() => [.. _spans.ToArray()];

    private async Task<List<Activity>> SnapshotOnceAsync(Func<List<Activity>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var spans = Snapshot(); ; spans = Snapshot())
        {
            if (condition(spans))
                return spans;
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
