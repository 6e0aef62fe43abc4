using System.Diagnostics;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Grains.Archive;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// The article index at archive size, in the SQLite default or in PostgreSQL (<see cref="ArchiveStore"/>): N articles of eight paragraphs of real Arabic prose (the
/// sample's sentences, recombined) with their English (the emulator's, a transliteration) and a summary, recorded
/// through the index's own write path in batches of concurrent records (as many articles recording at once);
/// then the list and search read over the full archive. Reports the record rate of the first and the last batch,
/// p50/p99 of each kind of read, and the index's bytes per article (its file; in PostgreSQL its tables with their indexes).
/// </summary>
public static class ArchiveScenario
{
    private const int BatchSize = 1000;
    private const int ReadsPerKind = 200;

    /// <summary>
    /// A kind of read stops early once it has taken this long (and read <see cref="MinReadsPerKind"/> times): at 100,000
    /// articles a search that ranks every match takes seconds, and 200 of each would hold the run for a quarter of an hour.
    /// </summary>
    private static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(20);

    private const int MinReadsPerKind = 10;

    /// <summary>Articles arrive this far apart: 100,000 make about a year, an archive's size.</summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(5);

    /// <summary>Topic words: one per article's title, so a search for one finds about 1 in <see cref="Topics"/>.Length articles.</summary>
    private static readonly string[] Topics = ["Basra", "Mosul", "Kirkuk", "Najaf", "Karbala", "Erbil", "Fallujah", "Ramadi", "Tikrit", "Samarra",
        "Baquba", "Hilla", "Kut", "Amarah", "Nasiriyah", "Diwaniyah", "Sulaymaniyah", "Duhok", "Halabja", "Zakho"];

    public static async Task<JsonObject> RunAsync(int articles, ArchiveStore store)
    {
        await using (store)
        {
            var index = await store.OpenAsync();
            var texts = new SyntheticArticles(seed: 7);
            var start = DateTimeOffset.UtcNow - Spacing * articles;
            var batchRates = new List<double>();
            var loading = Stopwatch.StartNew();
            // The next batch is made while this one records, so the rate measured is the index's, not the text generator's.
            var next = Task.Run(() => Batch(texts, 0, articles, start));
            for (var first = 0; first < articles; first += BatchSize)
            {
                var entries = await next;
                if (first + BatchSize < articles)
                    next = Task.Run(() => Batch(texts, first + BatchSize, articles, start));
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(entries.Select(entry => index.RecordAsync(entry)));
                batchRates.Add(entries.Count / clock.Elapsed.TotalSeconds);
                if ((first / BatchSize) % 10 == 9)
                    Console.Error.WriteLine($"archive: {first + entries.Count} of {articles} recorded in {loading.Elapsed.TotalSeconds:F0} s ({batchRates[^1]:F0}/s now)");
            }
            var loadSeconds = loading.Elapsed.TotalSeconds;

            var rare = Topics[3];
            var reads = new JsonObject
            {
                ["listFirstPage"] = await TimeAsync(_ => new ArticleListQuery()),
                ["listByPageNumberMiddle"] = await TimeAsync(_ => new ArticleListQuery(Page: articles / ArticleListQuery.DefaultPageSize / 2)),
                ["listOneFeed"] = await TimeAsync(_ => new ArticleListQuery(Feed: FeedOf(articles / 2))),
                ["listCompletedFromADay"] = await TimeAsync(_ => new ArticleListQuery(Status: ArticleStatus.Completed, From: start + Spacing * (articles / 2))),
                ["searchEnglishTopicNewest"] = await TimeAsync(_ => new ArticleListQuery(Search: rare.ToLowerInvariant())),
                ["searchEnglishTopicByRank"] = await TimeAsync(_ => new ArticleListQuery(Search: rare, Sort: ArticleListSort.Rank)),
                ["searchArabicWordNewest"] = await TimeAsync(_ => new ArticleListQuery(Search: "البنتاغون")),
                ["searchArabicTwoWordsByRank"] = await TimeAsync(_ => new ArticleListQuery(Search: "وزارة الدفاع", Sort: ArticleListSort.Rank)),
            };
            var sample = await index.ListAsync(new ArticleListQuery(Search: rare));
            var total = (await index.ListAsync(new ArticleListQuery(PageSize: 1))).Total;
            var bytes = await store.MeasureBytesAsync();

            return new JsonObject
            {
                ["scenario"] = "archive",
                ["store"] = store.Name,
                ["articles"] = articles,
                ["listed"] = total,
                ["batchSize"] = BatchSize,
                ["recordsPerSecondFirstBatch"] = Math.Round(batchRates[0]),
                ["recordsPerSecondLastBatch"] = Math.Round(batchRates[^1]),
                ["recordsPerSecondOverall"] = Math.Round(articles / loadSeconds),
                ["readsPerKindAtMost"] = ReadsPerKind,
                ["readSecondsPerKindAtMost"] = ReadBudget.TotalSeconds,
                ["readMilliseconds"] = reads,
                ["matchesOfRareTopic"] = sample.Total,
                ["indexBytes"] = bytes,
                ["indexBytesPerArticle"] = Math.Round((double)bytes / articles),
            };

            async Task<JsonObject> TimeAsync(Func<int, ArticleListQuery> query)
            {
                var timings = new List<double>(ReadsPerKind);
                var budget = Stopwatch.StartNew();
                for (var i = 0; i < ReadsPerKind && (i < MinReadsPerKind || budget.Elapsed < ReadBudget); i++)
                {
                    var clock = Stopwatch.StartNew();
                    await index.ListAsync(query(i));
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                }
                timings.Sort();
                return new JsonObject
                {
                    ["reads"] = timings.Count,
                    ["p50"] = Math.Round(timings[timings.Count / 2], 2),
                    ["p99"] = Math.Round(timings[(int)Math.Ceiling(timings.Count * 0.99) - 1], 2),
                };
            }
        }
    }

    /// <summary>The entries of the batch that starts with article <paramref name="first"/>.</summary>
    private static List<ArticleIndexEntry> Batch(SyntheticArticles texts, int first, int articles, DateTimeOffset start) =>
        [.. texts.Generate(Math.Min(BatchSize, articles - first), paragraphs: 8, sharedShare: 0.1).Select((body, i) => Entry(first + i, body, start))];

    /// <summary>Articles come from ten feeds in turn: a feed's list is a tenth of the archive.</summary>
    private static string FeedOf(int n) => $"feed{n % 10}";

    private static ArticleIndexEntry Entry(int n, string body, DateTimeOffset start)
    {
        var topic = Topics[n % Topics.Length];
        var paragraphs = body.Split("\n\n");
        var titleAr = paragraphs[0][..Math.Min(60, paragraphs[0].Length)];
        var titleEn = $"{topic} report {n}";
        var item = new ArticleListItem($"bench{n:D7}", ArticleStatus.Completed, new ChunkProgress(paragraphs.Length, paragraphs.Length),
            new BilingualText(titleAr, titleEn), "bench", start + Spacing * n, start + Spacing * n + TimeSpan.FromSeconds(30), null, Feed: FeedOf(n));
        var english = Transliteration.ToLatin(body);
        var summary = $"Officials in {topic} said the talks were continuing.\n{Transliteration.ToLatin(paragraphs[^1])}";
        return new ArticleIndexEntry(item, new ArticleSearchText($"{titleAr}\n{titleEn}", summary, $"{body}\n{english}"));
    }
}
