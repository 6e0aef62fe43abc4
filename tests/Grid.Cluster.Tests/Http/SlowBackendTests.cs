using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

/// <summary>
/// An LLM call far longer than Orleans' 30-second grain-call timeout: the API keeps answering while
/// the chunk translates, and the article completes, because no grain call waits on LLM work.
/// </summary>
public sealed class SlowBackendTests : IAsyncLifetime
{
    private static readonly TimeSpan SlowChunk = TimeSpan.FromSeconds(61);

    private EmulatedGrid _grid = null!;

    public async Task InitializeAsync() => _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { TokensPerSecond = 0, TtftMs = (int)SlowChunk.TotalMilliseconds });

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task AChunkThatTakesAMinuteNeitherBlocksReadsNorTimesOut()
    {
        using var http = _grid.Silo.CreateClient();
        const string oneParagraph = "أعلن المتحدث باسم وزارة الدفاع الأميركية يوم الخميس أن الوزارة ستستضيف مسؤولين عسكريين عراقيين لبحث أربعة ملفات مهمة.";
        var started = Stopwatch.StartNew();
        using var posted = await http.PostAsync("/api/articles", new StringContent(oneParagraph, Encoding.UTF8, "text/plain"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var slowestRead = TimeSpan.Zero;
        var readsWhileTranslating = 0;
        string status;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        do
        {
            await tick.WaitForNextTickAsync();
            var read = Stopwatch.StartNew();
            var article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
            slowestRead = read.Elapsed > slowestRead ? read.Elapsed : slowestRead;
            status = article["status"]!.GetValue<string>();
            if (status is "queued" or "translating")
                readsWhileTranslating++;
            else if (status == "summarizing" && _grid.Emulator.Settings.TtftMs > 0)
                _grid.Emulator.UpdateSettings(settings => settings with { TtftMs = 0 });  // the chunk is done: let the summary through
        }
        while (status is not ("completed" or "failed"));

        Assert.Equal("completed", status);
        Assert.True(started.Elapsed >= SlowChunk, $"the chunk should have taken {SlowChunk}, the article took {started.Elapsed}");
        // A read that waited on the translation would take most of the minute; the margins leave room for a loaded machine.
        Assert.True(readsWhileTranslating > 20, $"only {readsWhileTranslating} reads answered while the chunk translated");
        Assert.True(slowestRead < SlowChunk / 4, $"a read waited {slowestRead} on the translation");
    }
}
