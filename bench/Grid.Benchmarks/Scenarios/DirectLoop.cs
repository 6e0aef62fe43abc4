using System.Diagnostics;
using System.Text;
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
/// Or the very requests Grid sent, replayed (<see cref="ReplayAsync"/>).
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

    /// <summary>
    /// Sends again, through OllamaSharp, exactly the chat requests another client sent (their bodies as the
    /// emulator recorded them: messages, options, format, streaming), each to the endpoint that received it,
    /// <paramref name="slotsPerEndpoint"/> at a time per endpoint: the same work at the same parallelism, without that client.
    /// </summary>
    public static async Task<TimeSpan> ReplayAsync(IReadOnlyList<(Uri Endpoint, IReadOnlyList<byte[]> Bodies)> recorded, int slotsPerEndpoint)
    {
        // Parsed before the clock starts: the replayed requests are ready-made, as a caller's would be.
        var work = recorded.Select(endpoint => (endpoint.Endpoint, Requests: endpoint.Bodies.Select(body => JsonSerializer.Deserialize<ChatRequest>(body)!).ToList())).ToList();
        var clients = work.Select(endpoint => new HttpClient { BaseAddress = endpoint.Endpoint, Timeout = TimeSpan.FromMinutes(10) }).ToList();
        try
        {
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(work.Select((endpoint, i) => Parallel.ForEachAsync(endpoint.Requests, new ParallelOptions { MaxDegreeOfParallelism = slotsPerEndpoint },
                async (request, cancellationToken) => await SendAsync(new OllamaApiClient(clients[i]), request, cancellationToken))));
            return wall.Elapsed;
        }
        finally
        {
            clients.ForEach(http => http.Dispose());
        }
    }

    /// <summary>Reads the answer to its end, as a caller that uses it would; streamed or whole as the request asks.</summary>
    private static async Task SendAsync(OllamaApiClient client, ChatRequest request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        ChatDoneResponseStream? done = null;
        await foreach (var update in client.ChatAsync(request, cancellationToken))
        {
            text.Append(update?.Message?.Content);
            done = update as ChatDoneResponseStream ?? done;
        }
        if (done?.DoneReason is not "stop" || text.Length == 0)
            throw new InvalidOperationException($"a replayed request was not answered in full (done_reason '{done?.DoneReason}')");
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
