using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Grid.OllamaEmulator.Tests;

public sealed class StructuredOutputTests
{
    private const string SummarySchema = """
        {
          "type": "object",
          "properties": {
            "summaryEn": { "type": "string" },
            "summaryAr": { "type": "string" },
            "keyPoints": { "type": "array", "items": { "type": "string" } },
            "title": { "type": "object", "properties": { "en": { "type": "string" }, "ar": { "type": "string" } }, "required": ["en", "ar"] },
            "paragraphCount": { "type": "integer" },
            "confidence": { "type": "number", "minimum": 0, "maximum": 1 },
            "isNews": { "type": "boolean" },
            "year": { "type": "string" }
          },
          "required": ["summaryEn", "summaryAr", "keyPoints", "title", "paragraphCount", "confidence", "isNews", "year"]
        }
        """;

    [Fact]
    public async Task AStructuredAnswerParsesAndMatchesTheSchemaWithArabicInArabicNamedProperties()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(SummarySchema).RootElement, "summary") };

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "Summarize."), new(ChatRole.User, ArabicSamples.LongParagraph)], options, ArabicSamples.Timeout);

        using var document = JsonDocument.Parse(response.Text);
        var root = document.RootElement;
        var summaryEn = root.GetProperty("summaryEn").GetString()!;
        var summaryAr = root.GetProperty("summaryAr").GetString()!;
        Assert.False(Transliteration.ContainsArabic(summaryEn));
        Assert.True(Transliteration.ContainsArabic(summaryAr));
        Assert.Equal(Transliteration.ToLatin(summaryAr), summaryEn);
        Assert.Equal(3, root.GetProperty("keyPoints").GetArrayLength());
        Assert.All(root.GetProperty("keyPoints").EnumerateArray(), point => Assert.False(string.IsNullOrWhiteSpace(point.GetString())));
        Assert.True(Transliteration.ContainsArabic(root.GetProperty("title").GetProperty("ar").GetString()!));
        Assert.False(Transliteration.ContainsArabic(root.GetProperty("title").GetProperty("en").GetString()!));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("paragraphCount").ValueKind);
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.True, root.GetProperty("isNews").ValueKind);
        Assert.False(Transliteration.ContainsArabic(root.GetProperty("year").GetString()!));

        var record = Assert.Single(emulator.Requests);
        Assert.True(record.FormatPresent);
        Assert.Equal(1, emulator.Stats.StructuredRequests);
        Assert.Equal(0, emulator.Stats.TranslationRequests);
    }

    [Fact]
    public async Task ALatinSourceStillGivesArabicScriptForArabicProperties()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"arabic":{"type":"string"},"english":{"type":"string"}},"required":["arabic","english"]}""").RootElement;

        var response = await client.GetResponseAsync("The Pentagon hosts Iraqi officials. Talks cover four files.", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema) }, ArabicSamples.Timeout);

        using var document = JsonDocument.Parse(response.Text);
        Assert.True(Transliteration.ContainsArabic(document.RootElement.GetProperty("arabic").GetString()!));
        Assert.Equal("The Pentagon hosts Iraqi officials.", document.RootElement.GetProperty("english").GetString());
    }

    [Fact]
    public async Task JsonModeGivesAJsonObject()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(ArabicSamples.TwoParagraphs, new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, ArabicSamples.Timeout);

        using var document = JsonDocument.Parse(response.Text);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }
}
