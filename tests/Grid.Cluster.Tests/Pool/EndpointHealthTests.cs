using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Pool;

/// <summary>
/// At start the silo checks each endpoint (reachable, model present), warms the model, and reports
/// every endpoint on <c>/health</c>; a backend that is down does not stop the silo and is checked again until it is up.
/// </summary>
public sealed class EndpointHealthTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ASiloStartsWithABackendDownReportsItAndSeesItComeUp()
    {
        await using var ollama = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        await using var vllm = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        var downPort = LoopbackPorts.Free();
        var settings = GridSettings.For(ollama.BaseAddress);
        settings["Grid:Llm:Endpoints:1:Url"] = vllm.BaseAddress.ToString();
        settings["Grid:Llm:Endpoints:1:Kind"] = "OpenAI";
        settings["Grid:Llm:Endpoints:2:Url"] = $"http://127.0.0.1:{downPort}/";
        settings["Grid:Llm:Endpoints:2:Slots"] = "3";
        settings["Grid:Llm:CheckPeriod"] = "00:00:00.200";
        await using var silo = await GridSiloHost.StartAsync(settings);
        using var http = silo.CreateClient();

        var health = await HealthWhenAsync(http, endpoints => endpoints.All(endpoint => (bool)endpoint["checked"]!));

        Assert.Equal("ok", (string?)health["status"]);
        var (up, openAI, down) = (Endpoint(health, 0), Endpoint(health, 1), Endpoint(health, 2));
        Assert.True((bool)up["reachable"]! && (bool)up["modelPresent"]! && (bool)up["warmed"]!);
        Assert.Null(up["problem"]);
        Assert.Equal("Closed", (string?)up["circuit"]);
        Assert.Equal((0, 2), ((int)up["busy"]!, (int)up["slots"]!));
        Assert.Contains(ollama.Requests, request => request.Kind == RequestKinds.Generate && request.KeepAlive == "30m");
        Assert.Equal("OpenAI", (string?)openAI["kind"]);
        Assert.True((bool)openAI["reachable"]! && (bool)openAI["modelPresent"]!);
        Assert.True(vllm.Stats.Kind(RequestKinds.OpenAIModels) >= 1, "the model list is read at /v1/models");
        Assert.False((bool)down["reachable"]!);
        Assert.Contains("unreachable", (string?)down["problem"]);
        Assert.Equal(3, (int)down["slots"]!);

        await using var cameUp = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 }, downPort);
        health = await HealthWhenAsync(http, endpoints => (bool)endpoints[2]["reachable"]!);

        Assert.True((bool)Endpoint(health, 2)["modelPresent"]!);
        Assert.Null(Endpoint(health, 2)["problem"]);
    }

    [Fact]
    public async Task AMissingModelIsReportedWithHowToFixItOrPulledAtStartWhenPullMissingModelIsOn()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        await using var pulling = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        var settings = GridSettings.For(emulator.BaseAddress, model: "llama3.1:8b");
        await using (var silo = await GridSiloHost.StartAsync(settings))
        {
            using var http = silo.CreateClient();
            var health = await HealthWhenAsync(http, endpoints => (bool)endpoints[0]["checked"]!);

            Assert.Equal("degraded", (string?)health["status"]);
            Assert.True((bool)Endpoint(health, 0)["reachable"]!);
            Assert.False((bool)Endpoint(health, 0)["modelPresent"]!);
            Assert.Contains("ollama pull llama3.1:8b", (string?)Endpoint(health, 0)["problem"]);
            Assert.Contains("Grid:Llm:PullMissingModel=true", (string?)Endpoint(health, 0)["problem"]);
        }

        settings = GridSettings.For(pulling.BaseAddress, model: "llama3.1:8b");
        settings["Grid:Llm:PullMissingModel"] = "true";
        await using (var silo = await GridSiloHost.StartAsync(settings))
        {
            using var http = silo.CreateClient();
            var health = await HealthWhenAsync(http, endpoints => (bool)endpoints[0]["checked"]!);

            Assert.Equal("ok", (string?)health["status"]);
            Assert.True((bool)Endpoint(health, 0)["modelPresent"]!);
            Assert.Equal(1, pulling.Stats.Kind(RequestKinds.Pull));
        }
    }

    private static JsonObject Endpoint(JsonObject health, int index) => health["endpoints"]![index]!.AsObject();

    /// <summary>Reads <c>/health</c> until the endpoints satisfy <paramref name="condition"/>.</summary>
    private static async Task<JsonObject> HealthWhenAsync(HttpClient http, Func<List<JsonObject>, bool> condition)
    {
        using var cancel = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var health = (await http.GetFromJsonAsync<JsonObject>("/health", cancel.Token))!;
            if (condition([.. health["endpoints"]!.AsArray().Select(endpoint => endpoint!.AsObject())]))
                return health;
            await tick.WaitForNextTickAsync(cancel.Token);
        }
    }
}
