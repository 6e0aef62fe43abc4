using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Translation;
using Grid.Cluster.Tests.Http;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.RealOllama;

/// <summary>
/// What the emulator cannot show: a real model's English. The seed article, cut into several chunks,
/// goes through a silo and a real Ollama; the checks are about the language and the consistency of
/// what comes back, not its exact words.
/// </summary>
public sealed class RealOllamaTests(RealOllamaFixture fixture, ITestOutputHelper output) : IClassFixture<RealOllamaFixture>
{
    [RealOllamaFact]
    public async Task TheSeedArticleComesBackInEnglishParagraphByParagraphWithBothSummariesAndOneRenderingPerName()
    {
        var article = await TranslateAsync(new { text = SampleArticles.Seed });

        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.Equal(SampleArticles.SeedParagraphStarts.Length, paragraphs.Count);
        Assert.All(paragraphs, paragraph => AssertEnglish(paragraph!["en"]?.GetValue<string>(), $"paragraph {paragraph!["index"]}"));
        AssertEnglish(article["title"]!["en"]?.GetValue<string>(), "title");

        var summary = article["summary"]!;
        AssertEnglish(summary["en"]!.GetValue<string>(), "English summary");
        Assert.True(ArabicScript.ArabicLetterRatio(summary["ar"]!.GetValue<string>()) > 0.8, $"the Arabic summary is not Arabic: {summary["ar"]}");
        Assert.NotEmpty(summary["keyPoints"]!.AsArray());

        // Every name the glossary holds is rendered its way in every paragraph that has it, or the article says where it is not.
        var glossary = Glossary(article);
        Assert.NotEmpty(glossary);
        var warnings = article["warnings"]!.AsArray().Select(warning => warning!.GetValue<string>()).ToList();
        foreach (var paragraph in paragraphs)
        {
            var (ar, en) = (paragraph!["ar"]!.GetValue<string>(), paragraph["en"]!.GetValue<string>());
            foreach (var miss in GlossaryConsistency.Misses(0, [ar], [en], glossary))
                Assert.Contains(warnings, warning => warning.Contains($"paragraph {paragraph["index"]}") && warning.Contains(miss.Entry.Source));
        }
    }

    [RealOllamaFact]
    public async Task ReflectModeCritiquesAndImprovesEachChunkAndStillGivesEnglish()
    {
        var firstParagraphs = SampleArticles.Seed.Split('\n').Where(line => SampleArticles.SeedParagraphStarts.Take(3).Any(line.TrimStart().StartsWith));
        var text = string.Join("\n\n", firstParagraphs);
        var article = await TranslateAsync(new { text, mode = "reflect" });

        Assert.All(article["paragraphs"]!.AsArray(), paragraph => AssertEnglish(paragraph!["en"]?.GetValue<string>(), $"paragraph {paragraph!["index"]}"));
        var stages = article["usage"]!["stages"]!.AsArray().Select(stage => stage!["stage"]!.GetValue<string>()).ToList();
        Assert.Contains("critique", stages);
        Assert.Contains("improve", stages);
    }

    private async Task<JsonObject> TranslateAsync(object submission)
    {
        using var posted = await fixture.Http.PostAsJsonAsync("/api/articles", submission);
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var article = await fixture.Http.WaitUntilFinishedAsync(id, RealOllama.Patience);
        output.WriteLine(article.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.True(article["status"]!.GetValue<string>() == "completed", $"the article ended {article["status"]}: {article["failure"]}");
        return article;
    }

    /// <summary>English: Latin letters, hardly any Arabic left, and no answer-shaped preamble.</summary>
    private static void AssertEnglish(string? text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what} has no English");
        Assert.True(ArabicScript.LatinLetterRatio(text) > 0.9, $"{what} is not English: {text}");
        Assert.DoesNotContain("translation:", text, StringComparison.OrdinalIgnoreCase);
    }

    private static ImmutableArray<GlossaryEntry> Glossary(JsonObject article) =>
        [.. article["glossary"]!.AsArray().Select(entry => new GlossaryEntry(entry!["source"]!.GetValue<string>(), entry["english"]!.GetValue<string>()))];
}
