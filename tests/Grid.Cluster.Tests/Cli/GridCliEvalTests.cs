using System.Globalization;
using System.Text.Json.Nodes;
using Grid.Client.Evaluation;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Cli;

/// <summary>
/// <c>grid eval</c> on the pairs file in samples/evaluation. The emulator "translates" by transliteration,
/// so the scores are low, but they are deterministic and must be chrF of exactly what the API returns.
/// </summary>
public sealed class GridCliEvalTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private static readonly string PairsFile = Path.Combine(AppContext.BaseDirectory, "samples", "evaluation", "arabic-news-pairs.jsonl");

    private string Gateway => fixture.Silo.GatewayPort.ToString();

    [Fact]
    public async Task ReflectModeIsEvaluatedOnArticlesOfItsOwnThatCostMoreCalls()
    {
        var fast = JsonNode.Parse((await GridCliProcess.RunAsync("eval", PairsFile, "--json", "--gateway-port", Gateway)).Output)!.AsObject();
        var run = await GridCliProcess.RunAsync("eval", PairsFile, "--mode", "reflect", "--json", "--gateway-port", Gateway);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var reflect = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal(("fast", "reflect"), (fast["mode"]!.GetValue<string>(), reflect["mode"]!.GetValue<string>()));
        foreach (var (one, other) in fast["articles"]!.AsArray().Zip(reflect["articles"]!.AsArray()))
        {
            Assert.NotEqual(one!["articleId"]!.GetValue<string>(), other!["articleId"]!.GetValue<string>());
            var stored = await fixture.Http.WaitUntilFinishedAsync(other["articleId"]!.GetValue<string>());
            Assert.Equal("reflect", stored["mode"]!.GetValue<string>());
            Assert.True(other["usage"]!["llmCalls"]!.GetValue<int>() > one["usage"]!["llmCalls"]!.GetValue<int>());
        }

        var refused = await GridCliProcess.RunAsync("eval", PairsFile, "--mode", "careful", "--gateway-port", Gateway);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("use fast or reflect", refused.Output + refused.Errors);
    }

    [Fact]
    public async Task EvalScoresEachArticleAndTheCorpusAsChrFOfTheEnglishTheApiReturns()
    {
        var pairs = File.ReadAllLines(PairsFile).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

        var run = await GridCliProcess.RunAsync("eval", PairsFile, "--json", "--gateway-port", Gateway);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var report = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal("chrF2", report["metric"]!.GetValue<string>());
        var articles = report["articles"]!.AsArray();
        Assert.Equal(pairs.Select(pair => pair["id"]!.GetValue<string>()), articles.Select(article => article!["id"]!.GetValue<string>()));

        var segments = new List<(string English, string Reference)>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (pair, scored) = (pairs[i], articles[i]!);
            Assert.Equal("completed", scored["status"]!.GetValue<string>());
            var stored = await fixture.Http.WaitUntilFinishedAsync(scored["articleId"]!.GetValue<string>());
            var english = EnglishOf(stored);
            var reference = pair["reference"]!.GetValue<string>();
            segments.Add((english, reference));

            var expected = new ChrF().SentenceScore(english, reference);
            Assert.Equal(expected, scored["score"]!.GetValue<double>(), 9);
            Assert.InRange(expected, 1, 99);
            Assert.Equal(stored["paragraphs"]!.AsArray().Count, scored["paragraphs"]!.GetValue<int>());
            Assert.Equal(stored["usage"]!["llmCalls"]!.GetValue<int>(), scored["usage"]!["llmCalls"]!.GetValue<int>());
            if (pair["title"] is { } title)
                Assert.Equal(title.GetValue<string>(), stored["title"]!["ar"]!.GetValue<string>());
        }
        // The title given with a pair is translated and scored with the body.
        Assert.StartsWith(GridSettings.ExpectedEnglish(pairs[2]["title"]!.GetValue<string>()), segments[2].English);

        var overall = new ChrF().CorpusScore(segments);
        Assert.Equal(overall, report["overall"]!["score"]!.GetValue<double>(), 9);
        Assert.Equal(pairs.Count, report["overall"]!["articles"]!.GetValue<int>());
        Assert.Empty(report["invalidLines"]!.AsArray());

        var table = await GridCliProcess.RunAsync("eval", PairsFile, "--gateway-port", Gateway);
        Assert.True(table.ExitCode == 0, table.Output + table.Errors);
        var rows = table.Output.Split('\n');
        for (var i = 0; i < pairs.Count; i++)
        {
            var row = Assert.Single(rows, line => line.TrimStart().StartsWith(pairs[i]["id"]!.GetValue<string>() + " "));
            Assert.Contains($" {Format(new ChrF().SentenceScore(segments[i].English, segments[i].Reference))} ", row);
            Assert.Contains("(already known)", row);
        }
        Assert.Contains($"Overall chrF2: {Format(overall)} over 4 articles", table.Output);

        // Evaluated again after a model change, the same text would be the same article and its old translation;
        // --retranslate makes the articles anew, and the chunks this model already translated come from the cache.
        var translations = fixture.Emulator.Stats.TranslationRequests;
        var retranslated = await GridCliProcess.RunAsync("eval", PairsFile, "--retranslate", "--json", "--gateway-port", Gateway);
        Assert.True(retranslated.ExitCode == 0, retranslated.Output + retranslated.Errors);
        var renewed = JsonNode.Parse(retranslated.Output)!["articles"]!.AsArray();
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.False(renewed[i]!["alreadyKnown"]!.GetValue<bool>());
            Assert.Equal(articles[i]!["articleId"]!.GetValue<string>(), renewed[i]!["articleId"]!.GetValue<string>());
            Assert.Equal(articles[i]!["score"]!.GetValue<double>(), renewed[i]!["score"]!.GetValue<double>(), 9);
        }
        Assert.Equal(translations, fixture.Emulator.Stats.TranslationRequests);

        var plusPlus = await GridCliProcess.RunAsync("eval", PairsFile, "--word-order", "2", "--json", "--gateway-port", Gateway);
        Assert.True(plusPlus.ExitCode == 0, plusPlus.Output + plusPlus.Errors);
        var plusPlusReport = JsonNode.Parse(plusPlus.Output)!;
        Assert.Equal("chrF2++", plusPlusReport["metric"]!.GetValue<string>());
        Assert.Equal(new ChrF(wordOrder: 2).CorpusScore(segments), plusPlusReport["overall"]!["score"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task BadLinesAreReportedByNumberAndTheOtherPairsAreStillScored()
    {
        var good = File.ReadAllLines(PairsFile);
        using var folder = new TemporaryFolder();
        var file = folder.File("pairs.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            good[0],
            "{\"source\": \"عقد مجلس النواب\", ",
            "[\"source\", \"reference\"]",
            "{\"id\": \"no-reference\", \"source\": \"عقد مجلس النواب العراقي جلسة طارئة.\"}",
            "",
            good[0].Replace("\"reference\": \"The", "\"reference\": \"A"),
            "{\"source\": 5, \"reference\": \"Five.\"}",
            "{\"source\": \"توقعت هيئة الأنواء الجوية طقساً معتدلاً.\", \"reference\": \"The weather authority forecast mild weather.\"}",
            "{\"id\": \"english-only\", \"source\": \"The minister arrived in Baghdad.\", \"reference\": \"The minister arrived in Baghdad.\"}",
        ]);

        var run = await GridCliProcess.RunAsync("eval", file, "--gateway-port", Gateway);

        Assert.True(run.ExitCode == 2, run.Output + run.Errors);
        Assert.Contains("line 2: not valid JSON", run.Output);
        Assert.Contains("line 3: expected a JSON object with \"source\" and \"reference\", found an array.", run.Output);
        Assert.Contains("line 4: \"reference\" is missing.", run.Output);
        Assert.Contains("line 6: the id 'parliament-session' is already used on line 1.", run.Output);
        Assert.Contains("line 7: \"source\" must be a string, not a number.", run.Output);
        Assert.DoesNotContain("line 5:", run.Output);
        Assert.Contains(run.Output.Split('\n'), line => line.TrimStart().StartsWith("parliament-session "));
        Assert.Contains(run.Output.Split('\n'), line => line.TrimStart().StartsWith("line 8 "));
        Assert.Contains(run.Output.Split('\n'), line => line.TrimStart().StartsWith("english-only ") && line.Contains("refused: NoArabic"));
        Assert.Contains("over 2 articles", run.Output);
        Assert.Contains("0 failed, 1 refused, 5 invalid lines.", run.Output);

        var json = await GridCliProcess.RunAsync("eval", file, "--json", "--gateway-port", Gateway);
        Assert.True(json.ExitCode == 2, json.Output + json.Errors);
        var report = JsonNode.Parse(json.Output)!;
        Assert.Equal([2, 3, 4, 6, 7], report["invalidLines"]!.AsArray().Select(line => line!["line"]!.GetValue<int>()));
        Assert.Equal(["parliament-session", "line 8", "english-only"], report["articles"]!.AsArray().Select(article => article!["id"]!.GetValue<string>()));
        Assert.Equal(["completed", "completed", "refused"], report["articles"]!.AsArray().Select(article => article!["status"]!.GetValue<string>()));
        Assert.Equal(2, report["overall"]!["articles"]!.GetValue<int>());
        Assert.Contains("line 4: \"reference\" is missing.", json.Errors);
    }

    [Fact]
    public async Task AnArticleThatFailsIsReportedWithoutAScoreAndExitsWithOne()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("pairs.jsonl");
        await File.WriteAllTextAsync(file,
            "{\"id\": \"untranslatable\", \"source\": \"أغلقت السلطات الطريق الدولي السريع بسبب العاصفة الرملية.\", \"reference\": \"The authorities closed the international highway because of the sandstorm.\"}\n");
        fixture.Emulator.UpdateSettings(settings => settings with { FaultUntranslated = 1 });
        try
        {
            var run = await GridCliProcess.RunAsync("eval", file, "--gateway-port", Gateway);

            Assert.True(run.ExitCode == 1, run.Output + run.Errors);
            Assert.Contains(run.Output.Split('\n'), line => line.TrimStart().StartsWith("untranslatable ") && line.Contains("failed: "));
            Assert.Contains("Overall chrF2: none, no article completed; 1 failed, 0 refused, 0 invalid lines.", run.Output);
        }
        finally
        {
            fixture.Emulator.UpdateSettings(settings => settings with { FaultUntranslated = 0 });
        }
    }

    [Fact]
    public async Task AFileWithNoUsablePairOrNoFileAtAllIsBadInput()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("pairs.jsonl");
        await File.WriteAllLinesAsync(file, ["{\"source\": \"\", \"reference\": \"Nothing.\"}", "not json"]);

        var unusable = await GridCliProcess.RunAsync("eval", file, "--gateway-port", Gateway);
        Assert.Equal(2, unusable.ExitCode);
        Assert.Contains("line 1: \"source\" is empty.", unusable.Output);
        Assert.Contains("holds no usable pairs", unusable.Output);

        var missing = await GridCliProcess.RunAsync("eval", folder.File("absent.jsonl"), "--gateway-port", Gateway);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("is not a file", missing.Output);
    }

    /// <summary>What a reader sees, independently of the CLI: the title's English, then each paragraph's.</summary>
    private static string EnglishOf(JsonObject article)
    {
        var parts = new List<string>();
        if (article["title"]?["en"] is { } title)
            parts.Add(title.GetValue<string>());
        parts.AddRange(article["paragraphs"]!.AsArray().Select(p => p!["en"]!.GetValue<string>()));
        return string.Join("\n", parts);
    }

    private static string Format(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
