using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Grid.OllamaEmulator.Tests;

public sealed class TranslationContentTests
{
    [Fact]
    public async Task TheTranslationIsTheTransliterationOfTheTaggedTextWithEveryLineKept()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        var article = ArabicSamples.Article;

        var response = await client.GetResponseAsync(
            [
                new(ChatRole.System, "Translate the text inside <source> to English."),
                new(ChatRole.User, "Translate this:\n<source>\n" + article + "\n</source>"),
            ],
            new ChatOptions { AdditionalProperties = new() { ["num_ctx"] = 32768 } },
            ArabicSamples.Timeout);

        Assert.Equal(Transliteration.ToLatin(article), response.Text);
        Assert.Equal(article.Split('\n').Length, response.Text.Split('\n').Length);
        Assert.Equal(1, emulator.Stats.TranslationRequests);
    }

    [Fact]
    public async Task OnlyTheLastUserMessageIsTranslated()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(
            [
                new(ChatRole.User, "<text>كتاب</text>"),
                new(ChatRole.Assistant, "ktab"),
                new(ChatRole.User, "<text>\nقلم\n\nجديد\n</text>"),
            ],
            cancellationToken: ArabicSamples.Timeout);

        Assert.Equal("qlm\n\njdyd", response.Text);
    }

    [Fact]
    public async Task NumPredictCutsTheAnswerWithDoneReasonLength()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(ArabicSamples.LongParagraph, new ChatOptions { MaxOutputTokens = 5 }, ArabicSamples.Timeout);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        Assert.StartsWith(response.Text, Transliteration.ToLatin(ArabicSamples.LongParagraph), StringComparison.Ordinal);
        var record = Assert.Single(emulator.Requests);
        Assert.Equal(5, record.Options?.NumPredict);
        Assert.Equal(RequestOutcomes.Length, record.Outcome);
    }

    [Fact]
    public async Task APromptLongerThanNumCtxIsCutSilentlyAndReportsNumCtxPromptTokens()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        var article = ArabicSamples.Article;

        var response = await client.GetResponseAsync(article, new ChatOptions { AdditionalProperties = new() { ["num_ctx"] = 256 } }, ArabicSamples.Timeout);

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(256, response.Usage?.InputTokenCount);
        Assert.True(response.Text.Length < Transliteration.ToLatin(article).Length / 2);
        // The runner keeps the end of the prompt, so the answer is the end of the article.
        Assert.EndsWith(response.Text, Transliteration.ToLatin(article), StringComparison.Ordinal);
        var record = Assert.Single(emulator.Requests);
        Assert.True(record.PromptTokens > 256);
        Assert.Equal(256, record.PromptEvalCount);
    }

    [Fact]
    public async Task WithoutNumCtxTheDefaultContextCutsLongPrompts()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, DefaultNumCtx = 512 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(ArabicSamples.Article, cancellationToken: ArabicSamples.Timeout);

        Assert.Equal(512, response.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task ThePreambleAndUntranslatedFaultsChangeTheAnswerAsAnnounced()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        emulator.UpdateSettings(settings => settings with { FaultPreamble = 1 });
        var withPreamble = await client.GetResponseAsync(ArabicSamples.TwoParagraphs, cancellationToken: ArabicSamples.Timeout);
        emulator.UpdateSettings(settings => settings with { FaultPreamble = 0, FaultUntranslated = 1 });
        var untranslated = await client.GetResponseAsync(ArabicSamples.TwoParagraphs, cancellationToken: ArabicSamples.Timeout);
        emulator.UpdateSettings(settings => settings with { FaultUntranslated = 0, FaultTruncate = 1 });
        var truncated = await client.GetResponseAsync(ArabicSamples.TwoParagraphs, cancellationToken: ArabicSamples.Timeout);

        Assert.Equal("Here is the translation:\n\n" + Transliteration.ToLatin(ArabicSamples.TwoParagraphs), withPreamble.Text);
        Assert.Equal(ArabicSamples.TwoParagraphs, untranslated.Text);
        Assert.Equal(ChatFinishReason.Length, truncated.FinishReason);
        Assert.StartsWith(truncated.Text, Transliteration.ToLatin(ArabicSamples.TwoParagraphs), StringComparison.Ordinal);
        Assert.Equal(
            [RequestOutcomes.FaultPreamble, RequestOutcomes.FaultUntranslated, RequestOutcomes.FaultTruncate],
            emulator.Requests.Select(record => record.Outcome));
    }

    [Fact]
    public async Task TheSameSeedDrawsTheSameFaults()
    {
        var options = new EmulatorOptions { TokensPerSecond = 0, Seed = 7, FaultPreamble = 0.5, FaultTruncate = 0.3 };

        async Task<string[]> OutcomesAsync()
        {
            await using var emulator = await OllamaEmulatorServer.StartAsync(options);
            using var http = emulator.CreateHttpClient();
            for (var i = 0; i < 12; i++)
                (await http.PostAsync("api/chat", ErrorTests.ChatBody("كتاب جديد", ",\"stream\":false"), ArabicSamples.Timeout)).Dispose();
            return [.. emulator.Requests.Select(record => record.Outcome)];
        }

        var first = await OutcomesAsync();
        var second = await OutcomesAsync();

        Assert.Equal(first, second);
        Assert.Contains(RequestOutcomes.Ok, first);
        Assert.Contains(first, outcome => outcome != RequestOutcomes.Ok);
    }

    [Fact]
    public async Task FaultsCanBeChangedOverHttp()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var set = await http.PostAsync("_emulator/faults", ErrorTests.Json("{\"fault-preamble\":1,\"ttftMs\":0,\"tokens_per_second\":0}"), ArabicSamples.Timeout);
        using var wrong = await http.PostAsync("_emulator/faults", ErrorTests.Json("{\"fault-busy\":2}"), ArabicSamples.Timeout);

        Assert.Equal(System.Net.HttpStatusCode.OK, set.StatusCode);
        using var settings = JsonDocument.Parse(await set.Content.ReadAsStringAsync(ArabicSamples.Timeout));
        Assert.Equal(1, settings.RootElement.GetProperty("faultPreamble").GetDouble());
        Assert.Equal(1, emulator.Settings.FaultPreamble);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(0, emulator.Settings.FaultBusy);
    }
}
