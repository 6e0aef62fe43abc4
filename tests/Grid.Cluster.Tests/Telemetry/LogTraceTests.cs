using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Grid.Silo.Telemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Grid.Cluster.Tests.Telemetry;

/// <summary>Logs go through OpenTelemetry, and a record written while an article is worked on carries that article's trace id.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class LogTraceTests : IAsyncLifetime
{
    private readonly CapturedRecords _records = [];
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        // Some answers cut off: their retries are logged from inside the chunk grains' LLM calls.
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0, FaultTruncate = 0.3, Seed = 3 });
        _silo = await GridSiloHost.StartAsync(GridSettings.For(_emulator.BaseAddress),
            builder => builder.AddGridLogExporter(logging => logging.AddInMemoryExporter(_records)));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task TheRecordsOfAnArticlesWorkCarryItsTraceId()
    {
        using var http = _silo.CreateClient();
        using var caller = new Activity("caller") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();
        using var posted = await http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        caller.Stop();
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await http.WaitUntilFinishedAsync(id);

        // The article is completed once saved; its "finished" record is written a moment after.
        var records = await RecordsOnceAsync(taken => taken.Any(record => record.Message.StartsWith($"Article {id} finished")));
        // "translation attempt 2 failed: ..." (not "Chunk ... failed ... after 3 attempts", which ends the retries).
        var retries = records.Where(record => record.Message.Contains(" attempt ") && record.Message.Contains("failed")).ToList();
        var truncated = _emulator.Requests.Count(request => request.Outcome == RequestOutcomes.FaultTruncate);
        Assert.True(truncated > 0, "the emulator cut some answers off");
        Assert.Equal(truncated, retries.Count);
        Assert.All(retries, record => Assert.Equal(caller.TraceId, record.TraceId));
        var finished = Assert.Single(records, record => record.Message.StartsWith($"Article {id} finished"));
        Assert.Equal(caller.TraceId, finished.TraceId);
    }

    private async Task<IReadOnlyList<(ActivityTraceId TraceId, string Message)>> RecordsOnceAsync(Func<IReadOnlyList<(ActivityTraceId TraceId, string Message)>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var records = _records.Taken; ; records = _records.Taken)
        {
            if (condition(records))
                return records;
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    /// <summary>What matters of each record, taken as the exporter adds it: the exporter's records are reused after export.</summary>
    private sealed class CapturedRecords : Collection<LogRecord>
    {
        private readonly ConcurrentQueue<(ActivityTraceId TraceId, string Message)> _taken = new();

        protected override void InsertItem(int index, LogRecord item) =>
            _taken.Enqueue((item.TraceId, item.FormattedMessage ?? item.Body ?? ""));

        public IReadOnlyList<(ActivityTraceId TraceId, string Message)> Taken => [.. _taken];
    }
}
