using System.Text.RegularExpressions;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Glossary;

/// <summary>
/// The seed article through a two-silo cluster with the glossary, neighbour context, consistency check
/// and quality modes; a fresh cluster and emulator per test, so nothing is answered from another test's cache.
/// </summary>
public sealed partial class GlossaryThroughClusterTests : IAsyncLifetime
{
    private const string Kirby = "كيربي";

    /// <summary>
    /// The seed article with its first sentence made this test's own: other tests translate the seed too,
    /// and an article of the same text elsewhere in the run must not be mistaken for this one.
    /// </summary>
    private static string Seed(string number) => SampleArticles.Seed.Replace("أربعة ملفات", $"{number} ملفات");
    private EmulatedGrid _grid = null!;

    public async Task InitializeAsync() => _grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: new EmulatorOptions { Slots = 2, TokensPerSecond = 0 }, settings: new Dictionary<string, string?>
    {
        ["Grid:Translation:Glossary:0:Source"] = "بغداد",
        ["Grid:Translation:Glossary:0:English"] = "Baghdad",
        ["Grid:Translation:Glossary:0:Kind"] = "place",
        ["Grid:Translation:Glossary:1:Source"] = Kirby,
        ["Grid:Translation:Glossary:1:English"] = "Kerby",
        ["Grid:Translation:Glossary:1:Kind"] = "person",
    });

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Theory]
    [InlineData(0.5, "تسعة")]
    [InlineData(1.0, "عشرة")]
    public async Task ANameTheModelSpellsTwoWaysAcrossChunksEndsWithTheGlossaryRenderingEverywhere(double variantShare, string number)
    {
        _grid.Emulator.UpdateSettings(settings => settings with { FaultNameVariant = variantShare });
        var glossary = GlossaryEntries(("العراق", "Iraq"));

        var article = await TranslateAsync(new ArticleSubmission(Seed(number), Glossary: glossary));

        Assert.True(_grid.Emulator.Requests.Count(request => request.Outcome == RequestOutcomes.FaultNameVariant && request.EarlierTurns!.Contains("العراق => Iraq")) >= 2,
            "the fault should have struck several chunks");
        Assert.Contains(article.Glossary, entry => entry is { Source: "العراق", English: "Iraq", Origin: GlossaryOrigin.User });
        var iraqParagraphs = article.Paragraphs.Where(p => new ArabicTerm("العراق").OccursIn(p.Ar)).ToList();
        Assert.True(iraqParagraphs.Count >= 3);
        Assert.All(iraqParagraphs, p => Assert.Contains("Iraq", p.En));
        foreach (var entry in article.Glossary)
        {
            foreach (var paragraph in article.Paragraphs.Where(p => new ArabicTerm(entry.Source).OccursIn(p.Ar)))
                Assert.Contains(entry.English, paragraph.En!, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(article.Paragraphs, p => p.En!.Contains("Ireq", StringComparison.OrdinalIgnoreCase) || p.En.Contains("Karbi", StringComparison.OrdinalIgnoreCase) || p.En.Contains("Beghded", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(article.Warnings, warning => warning.Contains("is not rendered as the glossary's"));
        // The chunks that missed were first translated again, insisting on the glossary; what still missed was replaced.
        Assert.True(article.Usage.Stage(UsageStages.GlossaryRetry).Calls > 0);
        Assert.Contains(article.Warnings, warning => warning.Contains("variant spelling(s) of 'Iraq'"));
    }

    [Fact]
    public async Task EachChunkCarriesExactlyTheGlossaryEntriesOccurringInItAndABoundedContextAndTheChunksRunConcurrently()
    {
        // Each answer holds its slot a moment, so chunks dispatched together are seen together.
        _grid.Emulator.UpdateSettings(settings => settings with { TtftMs = 200 });

        var article = await TranslateAsync(new ArticleSubmission(Seed("ثمانية")));

        Assert.True(_grid.Emulator.Stats.MaxConcurrent > 1, $"max concurrency {_grid.Emulator.Stats.MaxConcurrent}");
        Assert.Equal(1, _grid.Emulator.Requests.Count(request => request.Task == "glossary" && request.LastUserMessage!.Contains("ثمانية ملفات")));
        Assert.Contains(article.Glossary, entry => entry is { Source: "بغداد", English: "Baghdad", Origin: GlossaryOrigin.Configuration });
        Assert.Contains(article.Glossary, entry => entry is { Source: Kirby, English: "Kerby", Origin: GlossaryOrigin.Configuration });
        Assert.Contains(article.Glossary, entry => entry.Source == "العراق" && entry.Origin == GlossaryOrigin.Extracted);

        var translations = _grid.Emulator.Requests.Where(request => request.Served && request.Task == "translation").DistinctBy(request => (request.System, request.EarlierTurns, request.LastUserMessage)).ToList();
        Assert.Equal(article.Progress.ChunksTotal + 1, translations.Count);
        var sources = translations.Select(request => SourceOf(request.LastUserMessage!)).ToList();
        var withContext = 0;
        foreach (var request in translations)
        {
            var source = SourceOf(request.LastUserMessage!);
            var expected = article.Glossary.Where(entry => new ArabicTerm(entry.Source).OccursIn(source)).Select(entry => $"{entry.Source} => {entry.English}");
            Assert.DoesNotContain(article.Glossary, entry => request.System!.Contains(entry.Source, StringComparison.Ordinal));
            Assert.DoesNotContain(source, request.System);
            var carried = GlossaryLine().Matches(request.EarlierTurns ?? "").Select(match => $"{match.Groups["source"].Value} => {match.Groups["english"].Value}");
            Assert.Equal(expected.Order(), carried.Order());

            Assert.DoesNotContain("<context>\n", request.System);
            if (request.EarlierTurns is { } earlier && ContextBlock().Match(earlier) is { Success: true } context)
            {
                withContext++;
                var text = context.Groups["text"].Value;
                Assert.InRange(text.Length, 1, 300);
                Assert.Contains(sources, other => other != source && other.EndsWith(text, StringComparison.Ordinal));
                Assert.DoesNotContain(text, request.LastUserMessage);
            }
        }
        // Every chunk but the first has the end of the one before; the title and the first chunk have none.
        Assert.Equal(article.Progress.ChunksTotal - 1, withContext);
    }

    [Fact]
    public async Task ReflectMakesThreeCallsPerChunkRecordedInUsageAndFastMakesOne()
    {
        var fast = await TranslateAsync(new ArticleSubmission(Seed("أحد عشر")));
        var pieces = fast.Progress.ChunksTotal + 1;
        var reflect = await TranslateAsync(new ArticleSubmission(Seed("أحد عشر"), Mode: TranslationMode.Reflect));

        Assert.NotEqual(fast.Id, reflect.Id);
        Assert.Equal((TranslationMode.Fast, TranslationMode.Reflect), (fast.Mode, reflect.Mode));
        Assert.True(pieces == fast.Usage.Stage(UsageStages.Translate).Calls, UsageOf(fast));
        Assert.Equal(0, fast.Usage.Stage(UsageStages.Critique).Calls);
        Assert.Equal(0, fast.Usage.Stage(UsageStages.Improve).Calls);
        Assert.Equal((pieces, pieces, pieces), (reflect.Usage.Stage(UsageStages.Translate).Calls, reflect.Usage.Stage(UsageStages.Critique).Calls, reflect.Usage.Stage(UsageStages.Improve).Calls));
        Assert.Equal((1, 1), (reflect.Usage.Stage(UsageStages.Glossary).Calls, reflect.Usage.Stage(UsageStages.Summary).Calls));
        Assert.Equal(reflect.Usage.LlmCalls, reflect.Usage.Stages.Sum(stage => stage.Usage.Calls));
        Assert.Equal(pieces, _grid.Emulator.Requests.Count(request => request.Task == "critique"));
        Assert.Equal(fast.Paragraphs.Select(p => p.En), reflect.Paragraphs.Select(p => p.En));
    }

    [Fact]
    public async Task AOneChunkArticleMakesNoGlossaryCall()
    {
        var article = await TranslateAsync(new ArticleSubmission("وقال “كيربي” إن “بغداد” و”العراق” شريكان.\n\nوأضاف “كيربي” أن “بغداد” مستعدة."));

        Assert.Equal(1, article.Progress.ChunksTotal);
        Assert.DoesNotContain(_grid.Emulator.Requests, request => request.Task == "glossary" && request.LastUserMessage!.Contains("شريكان"));
        Assert.True(0 == article.Usage.Stage(UsageStages.Glossary).Calls, UsageOf(article));
        Assert.Equal(["Baghdad", "Kerby"], article.Glossary.Select(entry => entry.English));
        Assert.All(article.Paragraphs, p => Assert.Contains("Kerby", p.En));
    }

    [Fact]
    public async Task AUserGlossaryBeatsTheConfiguredAndTheExtractedRenderings()
    {
        var article = await TranslateAsync(new ArticleSubmission(Seed("اثنا عشر"), Glossary: GlossaryEntries((Kirby, "Kirby"), ("العراق", "Iraq"))));

        Assert.Contains(article.Glossary, entry => entry is { Source: Kirby, English: "Kirby", Origin: GlossaryOrigin.User });
        Assert.Contains(article.Glossary, entry => entry is { Source: "العراق", English: "Iraq", Origin: GlossaryOrigin.User });
        Assert.Contains(article.Glossary, entry => entry is { Source: "بغداد", English: "Baghdad", Origin: GlossaryOrigin.Configuration });
        Assert.Single(article.Glossary, entry => new ArabicTerm(entry.Source).OccursIn(Kirby));
        var kirbyParagraphs = article.Paragraphs.Where(p => p.Ar.Contains(Kirby)).ToList();
        Assert.True(kirbyParagraphs.Count >= 4);
        Assert.All(kirbyParagraphs, p => Assert.Contains("Kirby", p.En));
        Assert.DoesNotContain(article.Paragraphs, p => p.En!.Contains("Kerby") || p.En.Contains(Transliteration.ToLatin(Kirby)));
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public async Task AGlossaryAnswerThatIsNotJsonLeavesTheArticleTranslatedWithAWarning()
    {
        // A preamble before every answer: the translations are repaired, the JSON answers are garbage.
        _grid.Emulator.UpdateSettings(settings => settings with { FaultPreamble = 1 });

        var article = await TranslateAsync(new ArticleSubmission(Seed("ثلاثة عشر")));

        Assert.Contains(article.Warnings, warning => warning.StartsWith("The glossary could not be extracted", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Glossary, entry => entry.Origin == GlossaryOrigin.Extracted);
        Assert.All(article.Paragraphs, p => Assert.NotNull(p.En));
        Assert.True(article.Usage.Stage(UsageStages.Glossary).Calls > 0);
    }

    [Fact]
    public async Task AGlossaryEntryWithoutArabicIsRefusedWithAReason()
    {
        var refused = await Assert.ThrowsAsync<Grid.Client.GridSubmissionException>(
            () => _grid.Grid.SubmitAsync(new ArticleSubmission(SampleArticles.Seed, Glossary: GlossaryEntries(("Kirby", "Kirby")))));

        Assert.Equal(RejectionKind.InvalidGlossary, refused.Rejection.Kind);
        Assert.Contains("has no Arabic word", refused.Rejection.Detail);
    }

    private async Task<ArticleView> TranslateAsync(ArticleSubmission submission)
    {
        var receipt = await _grid.Grid.SubmitAsync(submission);
        var article = await _grid.Grid.WaitAsync(receipt.Id!);
        Assert.Equal(ArticleStatus.Completed, article.Status);
        return article;
    }

    private static string UsageOf(ArticleView article) =>
        $"article {article.Id}: {article.Usage.LlmCalls} calls; by stage {string.Join(", ", article.Usage.Stages)}; {article.Progress.ChunksTotal} chunks; warnings: {string.Join(" | ", article.Warnings)}";

    private static System.Collections.Immutable.ImmutableArray<GlossaryEntry> GlossaryEntries(params (string Source, string English)[] entries) =>
        [.. entries.Select(entry => new GlossaryEntry(entry.Source, entry.English))];

    private static string SourceOf(string lastUserMessage) => SourceBlock().Match(lastUserMessage).Groups["text"].Value;

    [GeneratedRegex(@"^<source>\n(?<text>.*)\n</source>$", RegexOptions.Singleline)]
    private static partial Regex SourceBlock();

    [GeneratedRegex(@"<context>\n(?<text>.*?)\n</context>", RegexOptions.Singleline)]
    private static partial Regex ContextBlock();

    [GeneratedRegex(@"^- (?<source>.+?) => (?<english>.+?) \[\w+\]$", RegexOptions.Multiline)]
    private static partial Regex GlossaryLine();
}
