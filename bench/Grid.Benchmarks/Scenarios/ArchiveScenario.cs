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
            for (var first = 0; first < articles; first += BatchSize)
            {
                var count = Math.Min(BatchSize, articles - first);
                var bodies = texts.Generate(count, paragraphs: 8, sharedShare: 0.1);
                var entries = bodies.Select((body, i) => Entry(first + i, body, start)).ToList();
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(entries.Select(entry => index.RecordAsync(entry)));
                batchRates.Add(count / clock.Elapsed.TotalSeconds);
            }

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
                ["readsPerKind"] = ReadsPerKind,
                ["readMilliseconds"] = reads,
                ["matchesOfRareTopic"] = sample.Total,
                ["indexBytes"] = bytes,
                ["indexBytesPerArticle"] = Math.Round((double)bytes / articles),
            };

            async Task<JsonObject> TimeAsync(Func<int, ArticleListQuery> query)
            {
                var timings = new List<double>(ReadsPerKind);
                for (var i = 0; i < ReadsPerKind; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await index.ListAsync(query(i));
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                }
                timings.Sort();
                return new JsonObject
                {
                    ["p50"] = Math.Round(timings[timings.Count / 2], 2),
                    ["p99"] = Math.Round(timings[(int)Math.Ceiling(timings.Count * 0.99) - 1], 2),
                };
            }
        }
    }

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
