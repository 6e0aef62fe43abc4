using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Grains.Articles;
using Grid.OllamaEmulator;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Processes;

/// <summary>
/// The embedded default, as an operator runs it: a silo process on its SQLite file is killed with
/// SIGKILL in the middle of an article and started again on the same file. Nobody resubmits; the
/// article finishes, and the chunks finished before the kill are not paid for again.
/// </summary>
public sealed class SqliteSiloKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Model = "qwen2.5:7b";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<string> _siloOutput = new();
    private readonly TemporaryFolder _folder = new();
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloProcess? _silo;

    /// <summary>One request at a time, slowly: an article of eight chunks takes many seconds, so there is a middle to kill it in.</summary>
    public async Task InitializeAsync() =>
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = 60 });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }

    // Starts a silo process, kills or stops it and starts it again: each step may take its patience under load.
    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task ASiloProcessKilledMidArticleFinishesItOnRestartWithoutTranslatingFinishedChunksAgain()
    {
        try
        {
            await KillMidArticleAndRestartAsync();
        }
        catch
        {
            output.WriteLine("Silo process output:");
            foreach (var line in _siloOutput)
                output.WriteLine(line);
            throw;
        }
    }

    private async Task KillMidArticleAndRestartAsync()
    {
        var paragraphs = SharedParagraphArticles.Generate(count: 1, paragraphs: 8, sharedShare: 0, seed: 41)[0];
        var text = SharedParagraphArticles.Page(paragraphs);
        var work = ArticleDraft.Create(new ArticleSubmission(text), new ArticleOptions { ChunkTokens = GridSettings.ChunkTokens }, Model).State!.Plan!.Work();
        var prompts = work.Select(item => Prompt(item.Text)).ToHashSet();
        var unique = work.Select(item => item.Key).Distinct().Count();
        Assert.True(unique >= 6, $"the article should need several chunks, not {unique}");

        var clock = Stopwatch.StartNew();
        var ports = SiloPorts.Free();
        _silo = StartSilo("run 1", ports);
        await _silo.WaitUntilHealthyAsync(Patience);
        var firstStart = clock.Elapsed;

        string id;
        using (var http = _silo.CreateClient())
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
            id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            clock.Restart();
        }

        // The kill comes when some chunks are finished, known to the article (so saved by their chunk
        // grains, which save before they call back) and the next one is half answered.
        var beforeKill = await WaitForMidArticleAsync(id, chunksDone: 2);
        var savedPrompts = OkPrompts(beforeKill);
        var inFlightAtKill = beforeKill.InFlight + beforeKill.Queued;
        var translatingFor = clock.Elapsed;
        var killedAt = DateTimeOffset.UtcNow;
        await _silo.KillAsync();
        await _silo.DisposeAsync();
        _silo = null;

        using (var settled = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await _emulator.WaitUntilAsync(stats => stats.InFlight == 0 && stats.Queued == 0, settled.Token);
        _emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });

        // Same file; same ports when the killed process's are free again, else new ones.
        var samePorts = ports.AreFree();
        clock.Restart();
        _silo = StartSilo("run 2", samePorts ? ports : SiloPorts.Free());
        await _silo.WaitUntilHealthyAsync(Patience);
        var restart = clock.Elapsed;
        JsonObject article;
        using (var http = _silo.CreateClient())
        {
            using var known = await http.GetAsync($"/api/articles/{id}");
            Assert.True(known.IsSuccessStatusCode, $"after the restart the article is {(int)known.StatusCode}: it was not kept in the SQLite file");
            article = await http.WaitUntilFinishedAsync(id, Patience);
            // The article index, a file of its own, came through the kill too: listed once, completed, found by a word of its text.
            var word = paragraphs[0].Split(' ').MaxBy(word => word.Length)!;
            var found = await http.GetUntilAsync($"/api/articles?q={Uri.EscapeDataString(word)}", list => list["items"]!.AsArray().Any(item => item!["status"]!.GetValue<string>() == "completed"));
            Assert.Equal([id], found.Ids());
            Assert.Equal(1, (await http.GetFromJsonAsync<JsonObject>("/api/articles"))!["total"]!.GetValue<int>());
        }
        var finishedAfterRestart = clock.Elapsed;

        var final = _emulator.Stats;
        var translations = final.Recent.Where(IsTranslation).ToList();
        output.WriteLine(
            $"{unique} unique chunks; killed after {translatingFor.TotalSeconds:F1} s with {savedPrompts.Count} chunks done and {inFlightAtKill} in flight; " +
            $"translation calls: {final.TranslationRequests} ({translations.Count(r => r.Outcome == RequestOutcomes.Ok)} ok, {translations.Count(r => r.Outcome == RequestOutcomes.Cancelled)} cut off by the kill); " +
            $"first start {firstStart.TotalSeconds:F1} s, restart {restart.TotalSeconds:F1} s on {(samePorts ? "the same" : "new")} ports, finished {finishedAfterRestart.TotalSeconds:F1} s after the restart");

        Assert.Equal("completed", article["status"]!.GetValue<string>());
        var result = article["paragraphs"]!.AsArray().Select(paragraph => (Ar: paragraph!["ar"]!.GetValue<string>(), En: paragraph["en"]?.GetValue<string>())).ToList();
        Assert.Equal(paragraphs, result.Select(paragraph => paragraph.Ar).ToList());
        Assert.All(result, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En ?? "")));
        Assert.NotNull(article["summary"]);

        Assert.DoesNotContain(translations, request => request.ReceivedAt >= killedAt && savedPrompts.Contains(request.LastUserMessage!));
        Assert.Equal(prompts, OkPrompts(final));
        Assert.True(final.TranslationRequests <= unique + inFlightAtKill,
            $"{final.TranslationRequests} translation calls for {unique} unique chunks with {inFlightAtKill} in flight at the kill");
    }

    /// <summary>Runs where an operator would, in the silo's folder, so the shipped settings apply; only the file is the test's own.</summary>
    private GridSiloProcess StartSilo(string name, SiloPorts ports) => GridSiloProcess.Start(name, ports, GridSiloProcess.OutputFolder,
    [
        $"--Grid:Sqlite:Path={_folder.File("grid.db")}",
        $"--Grid:Llm:Endpoints:0:Url={_emulator.BaseAddress}",
        $"--Grid:Articles:ChunkTokens={GridSettings.ChunkTokens}",
        "--Grid:Articles:WatchdogPeriod=00:00:01",
        "--Logging:LogLevel:Orleans=Warning",
    ], _siloOutput);

    /// <summary>
    /// Polls the emulator and the article until at least <paramref name="chunksDone"/> chunks are done,
    /// the article has heard of every translation the emulator finished, and one more is being answered.
    /// </summary>
    private async Task<EmulatorStatsSnapshot> WaitForMidArticleAsync(string id, int chunksDone)
    {
        using var http = _silo!.CreateClient();
        using var timeout = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var before = _emulator.Stats;
            var article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}", timeout.Token))!;
            var after = _emulator.Stats;
            var (status, done) = (article["status"]!.GetValue<string>(), article["progress"]!["chunksDone"]!.GetValue<int>());
            Assert.True(status is "queued" or "translating", $"the article reached '{status}' before the kill: the emulator is too fast");
            var ok = OkPrompts(after).Count;
            if (done >= chunksDone && OkPrompts(before).Count == ok && done == ok && after.InFlight == 1)
                return after;
            await tick.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>The last user message of a translation request for this chunk text (see TranslationPrompt).</summary>
    private static string Prompt(string chunkText) => $"<source>\n{chunkText}\n</source>";

    private static bool IsTranslation(RequestRecord request) =>
        request.Kind is RequestKinds.Chat or RequestKinds.Generate && !request.FormatPresent && request.Served;

    private static HashSet<string> OkPrompts(EmulatorStatsSnapshot stats) =>
        [.. stats.Recent.Where(request => IsTranslation(request) && request.Outcome == RequestOutcomes.Ok).Select(request => request.LastUserMessage!)];
}
