using System.Diagnostics;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Summaries;
using Grid.Grains.Translation;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// What a user would write without Grid: OllamaSharp clients, each article's chunks translated one
/// after the other with the same prompts and options, then its summary; one article at a time
/// (the sequential baseline), or several at once over several endpoints (direct calls at full speed).
/// </summary>
public static class DirectLoop
{
    public static async Task<TimeSpan> RunAsync(IReadOnlyList<Uri> endpoints, string model, IReadOnlyList<string> articles, int chunkTokens, int parallelism = 1)
    {
        var clients = endpoints.Select(endpoint => new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(10) }).ToList();
        try
        {
            var chat = clients.Select(http => (IChatClient)new OllamaApiClient(http, model)).ToList();
            var wall = Stopwatch.StartNew();
            await Parallel.ForEachAsync(articles.Select((text, i) => (text, i)), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                async (article, _) => await ArticleAsync(chat[article.i % chat.Count], model, article.text, chunkTokens));
            return wall.Elapsed;
        }
        finally
        {
            clients.ForEach(http => http.Dispose());
        }
    }

    private static async Task ArticleAsync(IChatClient client, string model, string text, int chunkTokens)
    {
        var work = ArticleDraft.Create(new ArticleSubmission(text), new ArticleOptions { ChunkTokens = chunkTokens }, model).State!.Plan!.Work();
        var english = new List<string>();
        foreach (var item in work)
            english.Add((await client.GetResponseAsync(TranslationPrompt.For(item.Text, item.Segments), Options(2048, schema: null))).Text);
        await client.GetResponseAsync(SummaryPrompt.Summary(null, string.Join("\n\n", english)), Options(1024, SummaryPrompt.SummarySchema));
    }

    private static ChatOptions Options(int maxOutputTokens, JsonElement? schema) => new()
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
