using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Grid.OllamaEmulator.Tests;

/// <summary>The emulator's answers to glossary, glossary-bound translation and critique requests, and its name-variant fault.</summary>
public sealed class GlossaryContentTests
{
    private const string Article = "قال “كيربي” إن (البنتاغون) سيستضيف “وزارة الدفاع”.\n\nوأضاف “كيربي” أن البنتاغون مستعد.";

    private static readonly JsonElement GlossarySchema = JsonDocument.Parse("""
        {"type":"object","properties":{"entries":{"type":"array","items":{"type":"object","properties":{"source":{"type":"string"},"english":{"type":"string"},"kind":{"type":"string"}}}}},"required":["entries"]}
        """).RootElement;

    [Fact]
    public async Task AGlossaryRequestListsTheQuotedTermsThatRecurInAnotherParagraphTransliterated()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "Build the glossary of the article."), new(ChatRole.User, $"<article>\n{Article}\n</article>")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(GlossarySchema) }, ArabicSamples.Timeout);

        var entries = JsonDocument.Parse(response.Text).RootElement.GetProperty("entries").EnumerateArray()
            .Select(entry => (entry.GetProperty("source").GetString(), entry.GetProperty("english").GetString())).ToList();
        // وزارة الدفاع is quoted but occurs in one paragraph only.
        Assert.Equal([("كيربي", "kyrby"), ("البنتاغون", "albntaghwn")], entries);
        Assert.Equal((1, 1), (emulator.Stats.GlossaryRequests, emulator.Stats.StructuredRequests));
        Assert.Equal(Content.RequestTasks.Glossary, Assert.Single(emulator.Requests).Task);
    }

    [Fact]
    public async Task ATranslationUsesTheGlossaryOfItsSystemMessageWherePrefixesAreWrittenOntoTheTerm()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(
            [
                new(ChatRole.System, "Translate.\nGlossary:\n- كيربي => Kirby [person]\n- البنتاغون => the Pentagon"),
                new(ChatRole.User, "<source>\nوقال كيربي إن البنتاغون مستعد. وكيربي هنا، لا تحسين.\n</source>"),
            ],
            cancellationToken: ArabicSamples.Timeout);

        Assert.Equal("wqal Kirby in the Pentagon mst'd. wKirby hna, la thsyn.", response.Text);
        Assert.Equal(RequestOutcomes.Ok, Assert.Single(emulator.Requests).Outcome);
    }

    [Fact]
    public async Task TheNameVariantFaultSpellsTheGlossaryNamesAnotherWay()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultNameVariant = 1 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var withGlossary = await client.GetResponseAsync(
            [new(ChatRole.System, "Glossary:\n- كيربي => Kirby"), new(ChatRole.User, "<source>\nقال كيربي\n</source>")], cancellationToken: ArabicSamples.Timeout);
        var without = await client.GetResponseAsync(
            [new(ChatRole.System, "Translate."), new(ChatRole.User, "<source>\nقال كيربي\n</source>")], cancellationToken: ArabicSamples.Timeout);

        Assert.Equal("qal Kyrbi", withGlossary.Text);
        Assert.Equal("qal kyrby", without.Text);
        Assert.Equal([RequestOutcomes.FaultNameVariant, RequestOutcomes.Ok], emulator.Requests.Select(request => request.Outcome));
    }

    [Fact]
    public async Task ACritiqueNamesTheGlossaryEntriesTheTranslationMissesAndOtherwiseHasNothingToChange()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        List<ChatMessage> Review(string english) =>
            [new(ChatRole.System, "Review.\n- كيربي => Kirby"), new(ChatRole.User, $"<source>\nقال كيربي\n</source>\n<translation>\n{english}\n</translation>")];

        var missed = await client.GetResponseAsync(Review("Kerbi said"), cancellationToken: ArabicSamples.Timeout);
        var fine = await client.GetResponseAsync(Review("Kirby said"), cancellationToken: ArabicSamples.Timeout);

        Assert.Equal("1. Render \"kyrby\" as \"Kirby\", as the glossary says.", missed.Text);
        Assert.Equal("No changes needed.", fine.Text);
        Assert.Equal((2, 0), (emulator.Stats.CritiqueRequests, emulator.Stats.TranslationRequests));
        Assert.All(emulator.Requests, request => Assert.Equal(Content.RequestTasks.Critique, request.Task));
    }

    [Theory]
    [InlineData("Kirby", "Kyrbi")]
    [InlineData("kyrby", "kirbi")]
    [InlineData("Bghdd", "Bghdde")]
    public void ANameVariantKeepsTheConsonantsAndChangesTheVowels(string name, string variant) =>
        Assert.Equal(variant, Content.NameVariant.Of(name));
}
