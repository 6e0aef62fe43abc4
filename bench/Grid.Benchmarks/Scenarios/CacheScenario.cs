using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Text;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// What the cluster-wide caches save: a batch of articles sharing a share of their paragraphs goes
/// through a silo; the emulator counts the translation calls, compared with the unique chunks and
/// all chunks of the articles packed whole, and the paragraphs they carried, compared with the unique
/// paragraphs (the least any system could pay: each paragraph key once) and with all paragraphs.
/// The articles are submitted at once: claims on paragraphs (ArticlePlan.ParagraphClaims.cs) keep
/// articles that look up a paragraph while another translates it from paying for it again. Paragraphs
/// the paragraph cache missed but the sentence memory served (ArticlePlan.SentenceMemory.cs) are counted
/// from the silo's own metric.
/// </summary>
public static class CacheScenario
{
    /// <param name="distinctSentences">Whether paragraphs that are not shared have sentences of their own (<see cref="SyntheticArticles"/>).</param>
    public static async Task<JsonObject> RunAsync(int articles, int paragraphs, double sharedShare, int chunkTokens, bool contextInKey, bool distinctSentences)
    {
        const string model = "qwen2.5:7b";
        var texts = new SyntheticArticles(seed: 42).Generate(articles, paragraphs, sharedShare, distinctSentences);
        var translation = new TranslationOptions { ContextInCacheKey = contextInKey };
        var options = new ArticleOptions { ChunkTokens = chunkTokens };
        var plans = texts.Select(text => ArticleDraft.Create(new ArticleSubmission(text), options, model, translation).State!.Plan!).ToList();
        var work = plans.SelectMany(plan => plan.Work()).Select(item => item.Key).ToList();
        var unique = work.Distinct().Count();
        var paragraphKeys = plans.SelectMany(plan => plan.ParagraphKeys(PlanSettings.From(options, model, translation))).Select(paragraph => paragraph.Key).ToList();
        var uniqueParagraphs = paragraphKeys.Distinct().Count();

        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 0 });
        await using var silo = await BenchSilo.StartAsync(
        [
            $"--Grid:Llm:Endpoints:0:Url={emulator.BaseAddress}",
            "--Grid:Llm:Endpoints:0:Slots=4",
            $"--Grid:Articles:ChunkTokens={chunkTokens}",
            $"--Grid:Translation:ContextInCacheKey={contextInKey}",
        ]);

        using var counting = new CancellationTokenSource();
        var segments = CountTranslatedSegmentsAsync(emulator, counting.Token);
        using var fromSentences = new SentenceMemoryServed();
        var wall = Stopwatch.StartNew();
        var ids = await Task.WhenAll(texts.Select(text => SubmitAsync(silo.Http, text)));
        await Task.WhenAll(ids.Select(id => WaitAsync(silo.Http, id)));
        wall.Stop();
        var translations = emulator.Stats.TranslationRequests;
        await counting.CancelAsync();
        var (segmentsTranslated, glossaryRetrySegments) = await segments;
        var variants = await ParagraphVariantsAsync(silo, paragraphKeys.Distinct());
        var servedBySentences = fromSentences.Count;

        var resubmitted = Stopwatch.StartNew();
        await Task.WhenAll(texts.Select(text => SubmitAsync(silo.Http, text)));
        resubmitted.Stop();

        return new JsonObject
        {
            ["scenario"] = "cache",
            ["articles"] = articles,
            ["paragraphsPerArticle"] = paragraphs,
            ["sharedParagraphShare"] = sharedShare,
            ["corpus"] = distinctSentences ? "distinct" : "recombined",
            ["chunkTokens"] = chunkTokens,
            ["contextInCacheKey"] = contextInKey,
            ["chunks"] = work.Count,
            ["uniqueChunks"] = unique,
            ["translationCalls"] = translations,
            ["callsPerUniqueChunk"] = Math.Round((double)translations / unique, 3),
            ["cacheHitRatio"] = Math.Round(1 - (double)translations / work.Count, 3),
            ["paragraphs"] = paragraphKeys.Count,
            ["uniqueParagraphs"] = uniqueParagraphs,
            // A paragraph's key holds no glossary (its text, model, prompt, mode and, with ContextInCacheKey, its context), so the unique
            // paragraphs are the unique keys: articles whose glossaries differ on a name in one share its English when the English renders
            // both, else each keeps a variant of its own under the key. The variants are what was paid for on purpose.
            ["paragraphVariants"] = variants,
            ["segmentsTranslated"] = segmentsTranslated,
            ["translationsPerUniqueParagraph"] = Math.Round((double)segmentsTranslated / uniqueParagraphs, 3),
            // Glossary retries translate a paragraph again on purpose (the first answer missed a glossary rendering): no cache could spare them.
            ["translationsPerParagraphVariant"] = Math.Round((double)segmentsTranslated / variants, 3),
            ["glossaryRetrySegments"] = glossaryRetrySegments,
            ["firstTranslationsPerUniqueParagraph"] = Math.Round((double)(segmentsTranslated - glossaryRetrySegments) / uniqueParagraphs, 3),
            ["paragraphHitRatio"] = Math.Round(1 - (double)segmentsTranslated / paragraphKeys.Count, 3),
            // Paragraphs no article had paid for as a whole, put together from sentences other paragraphs paid for: hits no paragraph-keyed cache could make.
            ["paragraphsFromSentenceMemory"] = servedBySentences,
            // The most a paragraph-keyed cache could save: every paragraph key paid once. The chunk hit ratio at small budgets
            // can beat it, as sentence-sized chunks of different paragraphs coincide; so can the paragraph ratio with the sentence memory.
            ["bestParagraphHitRatio"] = Math.Round(1 - (double)uniqueParagraphs / paragraphKeys.Count, 3),
            ["callsOnResubmittingAll"] = emulator.Stats.TranslationRequests - translations,
            ["wallSeconds"] = Math.Round(wall.Elapsed.TotalSeconds, 2),
            ["resubmitAllMilliseconds"] = Math.Round(resubmitted.Elapsed.TotalMilliseconds, 1),
        };
    }

    /// <summary>The variants the paragraph cache keeps under all the paragraphs' keys: more than the keys where glossaries disagreed on a rendering.</summary>
    private static async Task<int> ParagraphVariantsAsync(BenchSilo silo, IEnumerable<string> keys)
    {
        var variants = 0;
        foreach (var key in keys)
            variants += (await silo.Grains.GetGrain<IParagraphTranslationGrain>(key).GetVariantsAsync()).Count;
        return variants;
    }

    /// <summary>
    /// The paragraphs (or pieces of them) the translation requests carried, counted from the emulator's
    /// recent requests as they come (it keeps only the last thousand): what was paid, paragraph by paragraph.
    /// </summary>
    /// <returns>All segments, and those of glossary retries among them.</returns>
    private static async Task<(int All, int GlossaryRetries)> CountTranslatedSegmentsAsync(OllamaEmulatorServer emulator, CancellationToken stop)
    {
        var seen = new HashSet<long>();
        var (segments, retries) = (0, 0);
        while (true)
        {
            foreach (var request in emulator.Requests.Where(request => request.Task == "translation" && seen.Add(request.Sequence)))
            {
                var count = SegmentsOf(request.LastUserMessage ?? "");
                segments += count;
                if (request.System?.Contains(TranslationPrompt.GlossaryRetryInstruction, StringComparison.Ordinal) == true)
                    retries += count;
            }
            if (stop.IsCancellationRequested)
                return (segments, retries);
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    private static int SegmentsOf(string lastUserMessage) =>
        lastUserMessage.Replace("<source>", "").Replace("</source>", "").Trim().Split(TextChunk.SegmentSeparator).Length;

    private static async Task<string> SubmitAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsync("/api/articles", new StringContent(text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task WaitAsync(HttpClient http, string id)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await tick.WaitForNextTickAsync())
        {
            var article = await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}");
            if (article!["status"]!.GetValue<string>() is "completed" or "failed")
                return;
        }
    }
}
