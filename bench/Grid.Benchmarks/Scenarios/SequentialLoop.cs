using System.Diagnostics;
using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Summaries;
using Grid.Grains.Translation;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// What a user would write without Grid: one OllamaSharp client, each article's chunks translated one
/// after the other with the same prompts and options, then its summary. The baseline for the speedup.
/// </summary>
public static class SequentialLoop
{
    public static async Task<TimeSpan> RunAsync(Uri endpoint, string model, IReadOnlyList<string> articles, int chunkTokens)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(10) };
        IChatClient client = new OllamaApiClient(http, model);
        var wall = Stopwatch.StartNew();
        foreach (var text in articles)
        {
            var work = ArticleDraft.Create(new ArticleSubmission(text), new ArticleOptions { ChunkTokens = chunkTokens }, model).State!.Work;
            var english = new List<string>();
            foreach (var item in work)
            {
                var answer = await client.GetResponseAsync(TranslationPrompt.For(item.Text, item.Segments), Options(2048, schema: null));
                english.Add(answer.Text);
            }
            await client.GetResponseAsync(SummaryPrompt.Summary(null, string.Join("\n\n", english)), Options(1024, SummaryPrompt.SummarySchema));
        }
        return wall.Elapsed;
    }

    private static ChatOptions Options(int maxOutputTokens, System.Text.Json.JsonElement? schema) => new()
    {
        Temperature = 0,
        Seed = 42,
        MaxOutputTokens = maxOutputTokens,
        ResponseFormat = schema is { } json ? ChatResponseFormat.ForJsonSchema(json) : null,
        RawRepresentationFactory = _ => new ChatRequest
        {
            Options = new OllamaSharp.Models.RequestOptions { NumCtx = 8192 },
            Think = false,
            KeepAlive = "30m",
        },
    };
}
