using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Cluster.Tests.Api;

/// <summary>An event stream whose reader goes away is ended on the server too, not polled on for as long as the article runs.</summary>
public sealed class EventStreamDisconnectTests : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    // Every LLM call waits a minute, so the article is still translating when the reader leaves.
    public async Task InitializeAsync() => _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { TokensPerSecond = 0, TtftMs = 60_000 });

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact]
    public async Task ClosingTheEventStreamEndsItOnTheServer()
    {
        using var openStreams = new OpenEventStreams(_grid.Silo.Services.GetRequiredService<IMeterFactory>());
        using var http = _grid.Silo.CreateClient();
        using var posted = await http.PostAsJsonAsync("/api/articles", new { text = GeneratedArticle.FromSeed(601).Text });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = await http.GetStreamAsync($"/api/articles/{id}/events", timeout.Token);
        var first = new byte[1];
        Assert.Equal(1, await stream.ReadAsync(first, timeout.Token));
        await openStreams.WaitUntilAsync(1, timeout.Token);

        await stream.DisposeAsync();

        await openStreams.WaitUntilAsync(0, timeout.Token);
        Assert.NotEqual("completed", (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!["status"]!.GetValue<string>());
    }

    /// <summary>The silo's count of open event streams, read from its own meter (not another test's silo).</summary>
    private sealed class OpenEventStreams : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _lock = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiting = [];
        private int _count;

        public OpenEventStreams(IMeterFactory silosMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == silosMeters && instrument.Name == "grid.api.event_streams")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<int>((_, change, _, _) =>
            {
                lock (_lock)
                {
                    _count += change;
                    foreach (var (count, reached) in _waiting.Where(w => w.Count == _count))
                        reached.TrySetResult();
                }
            });
            _listener.Start();
        }

        public Task WaitUntilAsync(int count, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (_count == count)
                    return Task.CompletedTask;
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((count, reached));
                return reached.Task.WaitAsync(cancellationToken);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
