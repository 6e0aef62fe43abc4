using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Telemetry;

/// <summary>The LLM instruments on the <c>Grid</c> meter: calls by endpoint and outcome, and the slots per endpoint.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class LlmMetricsTests : IAsyncLifetime
{
    private static readonly string[] BackendFailures = [RequestOutcomes.FaultBusy, RequestOutcomes.FaultMidstreamError];
    private static readonly string[] RejectedAnswers = [RequestOutcomes.FaultTruncate, RequestOutcomes.Length];

    private readonly GridMeterReader _meters = new();
    private OllamaEmulatorServer _healthy = null!;
    private OllamaEmulatorServer _faulty = null!;

    public async Task InitializeAsync()
    {
        _healthy = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = 0 });
        _faulty = await OllamaEmulatorServer.StartAsync(new EmulatorOptions
        {
            Slots = 1, TokensPerSecond = 0, Seed = 7,
            // Faults whose emulator outcome says exactly how Grid judges the call (a preamble is repaired on a
            // translation but sinks a JSON answer, so it is left out).
            FaultBusy = 0.15, FaultMidstreamError = 0.15, FaultTruncate = 0.15,
        });
    }

    public async Task DisposeAsync()
    {
        _meters.Dispose();
        await _healthy.DisposeAsync();
        await _faulty.DisposeAsync();
    }

    [Fact]
    public async Task EveryLlmCallIsCountedUnderItsEndpointAndOutcome()
    {
        var settings = GridSettings.For(_healthy.BaseAddress, slots: 1);
        settings["Grid:Llm:Endpoints:1:Url"] = _faulty.BaseAddress.ToString();
        settings["Grid:Llm:Endpoints:1:Slots"] = "1";
        await using var silo = await GridSiloHost.StartAsync(settings);
        using var http = silo.CreateClient();
        _meters.Clear();
        _healthy.ResetStats();
        _faulty.ResetStats();

        var texts = SharedParagraphArticles.Generate(count: 6, paragraphs: 4, sharedShare: 0, seed: 11).Select(SharedParagraphArticles.Page);
        var ids = new List<string>();
        foreach (var text in texts)
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            ids.Add((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }
        foreach (var id in ids)
            await http.WaitUntilFinishedAsync(id);

        var faulty = Chats(_faulty);
        Assert.Contains(faulty, request => BackendFailures.Contains(request.Outcome));
        Assert.Contains(faulty, request => RejectedAnswers.Contains(request.Outcome));
        foreach (var (emulator, requests) in new[] { (_healthy, Chats(_healthy)), (_faulty, faulty) })
        {
            var endpoint = $"grid.llm.endpoint={emulator.BaseAddress}";
            Assert.Equal(requests.Count, Calls(endpoint));
            Assert.Equal(requests.Count(request => BackendFailures.Contains(request.Outcome)), Calls(endpoint, "grid.llm.outcome=failed"));
            Assert.Equal(requests.Count(request => RejectedAnswers.Contains(request.Outcome)), Calls(endpoint, "grid.llm.outcome=invalid"));
            Assert.Equal(requests.Count(request => request.Outcome == RequestOutcomes.Ok), Calls(endpoint, "grid.llm.outcome=ok"));
        }
        Assert.Equal(faulty.Count(request => BackendFailures.Contains(request.Outcome)), Calls("grid.llm.outcome=failed", "error.type=BackendUnavailable"));
    }

    [Fact]
    public async Task TheSlotGaugesShowRequestsRunningAndWaitingPerEndpoint()
    {
        // One slot and a slow backend: of an article's three chunks, one runs and two wait.
        await using var slow = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = 10 });
        await using var silo = await GridSiloHost.StartAsync(GridSettings.For(slow.BaseAddress, slots: 1));
        using var http = silo.CreateClient();
        var endpoint = slow.BaseAddress.ToString();
        var text = SharedParagraphArticles.Page(SharedParagraphArticles.Generate(count: 1, paragraphs: 3, sharedShare: 0, seed: 3)[0]);

        using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        await Eventually(() => Gauge("grid.llm.slots.busy", endpoint) == 1 && Gauge("grid.llm.slots.waiting", endpoint) >= 1);
        Assert.Equal(1, Gauge("grid.llm.slots.total", endpoint));
        slow.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        await http.WaitUntilFinishedAsync(id);
        await Eventually(() => Gauge("grid.llm.slots.busy", endpoint) == 0 && Gauge("grid.llm.slots.waiting", endpoint) == 0);
    }

    private double Calls(params string[] tags) => _meters.Total(string.Join('|', ["grid.llm.calls", .. tags]));

    private double? Gauge(string instrument, string endpoint) => _meters.Gauge(instrument, "grid.llm.endpoint", endpoint);

    private static List<RequestRecord> Chats(OllamaEmulatorServer emulator) =>
        [.. emulator.Requests.Where(request => request.Kind == RequestKinds.Chat)];

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
    }
}
