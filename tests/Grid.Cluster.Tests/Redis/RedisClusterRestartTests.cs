using System.Diagnostics;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Cluster.Tests.Durability;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Redis;

/// <summary>
/// Redis as the cluster's memory: three silos on Redis clustering and storage are all stopped in the
/// middle of a batch and started again; what was finished is still there, the rest finishes, and
/// nothing that was saved is translated again.
/// </summary>
public sealed class RedisClusterRestartTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const string Model = "qwen2.5:7b";

    /// <summary>A first token an hour away: answers in flight stop where they are, and nothing new finishes.</summary>
    private const int FrozenTtftMs = 3_600_000;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost? _cluster;

    public async Task InitializeAsync() =>
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 400 });

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task AThreeSiloRedisClusterStoppedMidBatchKeepsItsFinishedArticlesAndFinishesTheRestWhenStartedAgain()
    {
        var paragraphs = SharedParagraphArticles.Generate(count: 12, paragraphs: 6, sharedShare: 0.3, seed: 31);
        var texts = paragraphs.Select(SharedParagraphArticles.Page).ToList();
        var work = texts.SelectMany(WorkOf).ToList();
        var keyOfPrompt = work.GroupBy(Prompt).ToDictionary(group => group.Key, group => group.First().Key);
        var unique = work.Select(item => item.Key).Distinct().Count();
        var settings = GridSettings.OnRedis(_emulator.BaseAddress, redis.ConnectionString, $"grid-redis-{Guid.NewGuid():N}"[..24], slots: 1);

        var clock = Stopwatch.StartNew();
        _cluster = await GridSiloHost.StartAsync(settings, silos: 3, withClient: true);
        var firstStart = clock.Elapsed;
        var receipts = await Task.WhenAll(texts.Select(text => _cluster.Grid.SubmitAsync(new ArticleSubmission(text))));
        var ids = receipts.Select(receipt => receipt.Id!).ToList();

        await PollAsync("three articles to complete", async () =>
            (await Task.WhenAll(ids.Select(id => _cluster.Grid.GetProgressAsync(id)))).Count(progress => progress!.Status == ArticleStatus.Completed) >= 3);

        // Freeze the backend, then wait until every translation it finished is saved in its chunk grain:
        // from here on, what the stop loses is exactly what the emulator still holds.
        _emulator.UpdateSettings(settings => settings with { TtftMs = FrozenTtftMs });
        await PollAsync("every finished translation to be saved", async () =>
        {
            var saved = await Task.WhenAll(OkPrompts(_emulator.Stats).Where(keyOfPrompt.ContainsKey).Select(prompt =>
                _cluster.Client.GetGrain<IChunkTranslationGrain>(keyOfPrompt[prompt]).GetResultAsync()));
            return saved.All(result => result is not null);
        });
        var beforeStop = _emulator.Stats;
        var savedPrompts = OkPrompts(beforeStop);
        var views = await Task.WhenAll(ids.Select(id => _cluster.Grid.GetAsync(id)));
        var finished = views.Where(view => view!.Status == ArticleStatus.Completed).ToDictionary(view => view!.Id, view => Snapshot(view!));
        Assert.InRange(finished.Count, 1, ids.Count - 1);

        var stopping = Stopwatch.StartNew();
        var cluster = _cluster;
        _cluster = null;
        await cluster.DisposeAsync();
        var stopTime = stopping.Elapsed;
        var atStop = _emulator.Stats;
        var inFlightAtStop = atStop.InFlight + atStop.Queued + (int)(atStop.TranslationRequests - beforeStop.TranslationRequests);

        var restartedAt = DateTimeOffset.UtcNow;
        _emulator.UpdateSettings(settings => settings with { TtftMs = 0 });
        clock.Restart();
        _cluster = await GridSiloHost.StartAsync(settings, silos: 3, withClient: true);
        var secondStart = clock.Elapsed;
        using var patience = new CancellationTokenSource(Patience);
        var articles = await Task.WhenAll(ids.Select(id => _cluster.Grid.WaitAsync(id, cancellationToken: patience.Token)));
        var finishTime = clock.Elapsed;

        var final = _emulator.Stats;
        var translations = final.Recent.Where(IsTranslation).ToList();
        output.WriteLine(
            $"{ids.Count} articles, {work.Count} chunks, {unique} unique; {finished.Count} completed and {savedPrompts.Count} chunks saved before the stop; " +
            $"in flight at the stop: {beforeStop.InFlight} answering + {beforeStop.Queued} queued at the emulator ({inFlightAtStop} counting what arrived while stopping); " +
            $"translation calls: {final.TranslationRequests} ({translations.Count(r => r.Outcome == RequestOutcomes.Ok)} ok); " +
            $"start {firstStart.TotalSeconds:F1} s, stop {stopTime.TotalSeconds:F1} s, restart {secondStart.TotalSeconds:F1} s, rest finished {finishTime.TotalSeconds:F1} s after the restart");

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(ArticleStatus.Completed, articles[i].Status);
            Assert.Equal(paragraphs[i], articles[i].Paragraphs.Select(paragraph => paragraph.Ar).ToList());
            Assert.All(articles[i].Paragraphs, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En!)));
            Assert.NotNull(articles[i].Summary);
        }
        foreach (var (id, before) in finished)
            Assert.Equal(before, Snapshot(articles[ids.IndexOf(id)]));

        Assert.DoesNotContain(translations, request => request.ReceivedAt >= restartedAt && savedPrompts.Contains(Prompt(request)));
        Assert.Equal(keyOfPrompt.Keys.ToHashSet(), OkPrompts(final));
        Assert.True(final.TranslationRequests <= unique + inFlightAtStop,
            $"{final.TranslationRequests} translation calls for {unique} unique chunks with {inFlightAtStop} in flight at the stop");
    }

    private static IEnumerable<WorkItem> WorkOf(string text) =>
        ArticleDraft.Create(new ArticleSubmission(text), new ArticleOptions { ChunkTokens = GridSettings.ChunkTokens }, Model).State!.Plan!.Work();

    /// <summary>
    /// A translation request as the emulator records it: the system message, the earlier turns (which hold
    /// the chunk's glossary and context, so the same paragraph after another one is another request) and
    /// the last user message.
    /// </summary>
    private static string Prompt(WorkItem item)
    {
        var messages = TranslationPrompt.For(item.Request("", TranslationMode.Fast));
        var earlier = messages.Skip(1).SkipLast(1).Select(message => message.Text).ToList();
        return Prompt(messages[0].Text, earlier.Count == 0 ? null : string.Join("\n\n", earlier), messages[^1].Text);
    }

    private static string Prompt(RequestRecord request) => Prompt(request.System, request.EarlierTurns, request.LastUserMessage);

    private static string Prompt(string? system, string? earlierTurns, string? lastUserMessage) => $"{system}\n{earlierTurns}\n{lastUserMessage}";

    private static bool IsTranslation(RequestRecord request) =>
        request.Kind is RequestKinds.Chat or RequestKinds.Generate && !request.FormatPresent && request.Served;

    private static HashSet<string> OkPrompts(EmulatorStatsSnapshot stats) =>
        [.. stats.Recent.Where(request => IsTranslation(request) && request.Outcome == RequestOutcomes.Ok).Select(Prompt)];

    /// <summary>What a reader sees of a finished article, to compare before and after the restart.</summary>
    private static string Snapshot(ArticleView view) =>
        JsonSerializer.Serialize(new { view.Status, view.Title, view.Paragraphs, view.Summary, view.FinishedAt });

    private static Task PollAsync(string what, Func<Task<bool>> condition) => Poll.UntilAsync(what, condition, Patience);
}
