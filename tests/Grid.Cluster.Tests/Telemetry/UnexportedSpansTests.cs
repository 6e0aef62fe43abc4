using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Llm;
using Grid.OllamaEmulator;
using Grid.Silo.Telemetry;
using OpenTelemetry.Trace;

namespace Grid.Cluster.Tests.Telemetry;

/// <summary>
/// Spans are made only for someone who receives them, and then sampled as OpenTelemetry's standard settings say.
/// Listeners are process-wide: these tests run alone (<see cref="TelemetryCollection"/>), so no other test's exporter listens meanwhile.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class UnexportedSpansTests : IAsyncLifetime
{
    /// <summary>Every source the silo's traces are made from: Grid's, the LLM requests', Orleans' grain calls, HTTP in and out.</summary>
    private static readonly string[] TracedSources =
        [GridTelemetry.Name, GridLlmTelemetry.SourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.AspNetCore", "System.Net.Http"];

    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task WithoutAnExporterNoSourceOfTheTracesIsListenedTo()
    {
        await using var silo = await GridSiloHost.StartAsync(GridSettings.For(_emulator.BaseAddress));
        await SubmitAndFinishAsync(silo);

        Assert.All(TracedSources, name => Assert.False(new ActivitySource(name).HasListeners(), $"{name} is listened to"));
    }

    [Theory]
    [InlineData("always_on", true)]
    [InlineData("always_off", false)]
    [InlineData("traceidratio", false)]
    public async Task AnExportersSpansAreSampledAsOtelTracesSamplerSays(string sampler, bool recorded)
    {
        var spans = new List<Activity>();
        var settings = new Dictionary<string, string?>(GridSettings.For(_emulator.BaseAddress))
        {
            ["OTEL_TRACES_SAMPLER"] = sampler,
            ["OTEL_TRACES_SAMPLER_ARG"] = "0",
        };
        await using var silo = await GridSiloHost.StartAsync(settings, builder => builder.AddGridTraceExporter(tracing => tracing.AddInMemoryExporter(spans)));
        await SubmitAndFinishAsync(silo);

        Assert.Equal(recorded, spans.ToArray().Any(span => span.DisplayName.Contains("IArticleGrain/SubmitAsync")));
    }

    private static async Task SubmitAndFinishAsync(GridSiloHost silo)
    {
        using var http = silo.CreateClient();
        using var posted = await http.PostAsync("/api/articles",
            new StringContent("قال المتحدث باسم الوزارة إن الاجتماع المقبل سيبحث ملفات التعاون الأمني بين البلدين.", Encoding.UTF8, "text/plain"));
        posted.EnsureSuccessStatusCode();
        await http.WaitUntilFinishedAsync((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }
}
