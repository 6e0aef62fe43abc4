using System.Text.Json.Nodes;
using Grid.OllamaEmulator.Wire;

namespace Grid.OllamaEmulator.OpenAI;

/// <summary>OpenAI's response objects: <c>chat.completion</c>, its streamed <c>chat.completion.chunk</c>s, errors and the model list.</summary>
internal static class OpenAIJson
{
    public static byte[] Error(string message, string type, int code) => OllamaJson.Node(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    });

    public static byte[] Completion(string id, long created, string model, string content, string finishReason, Usage usage) => OllamaJson.Node(new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = usage.ToJson(),
    });

    /// <summary>One streamed chunk: a delta (the first carries the role), or the last with its finish reason and an empty delta.</summary>
    public static byte[] Chunk(string id, long created, string model, string? content, bool first, string? finishReason)
    {
        var delta = new JsonObject();
        if (first)
            delta["role"] = "assistant";
        if (content is not null)
            delta["content"] = content;
        return OllamaJson.Node(new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        });
    }

    /// <summary>The usage chunk sent after the last one when <c>stream_options.include_usage</c> is set: no choices.</summary>
    public static byte[] UsageChunk(string id, long created, string model, Usage usage) => OllamaJson.Node(new JsonObject
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(),
        ["usage"] = usage.ToJson(),
    });

    public static byte[] Models(IEnumerable<string> names, long created) => OllamaJson.Node(new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. names.Select(name => (JsonNode)new JsonObject
        {
            ["id"] = name,
            ["object"] = "model",
            ["created"] = created,
            ["owned_by"] = "vllm",
            ["root"] = name,
        })]),
    });

    public readonly record struct Usage(int PromptTokens, int CompletionTokens)
    {
        public JsonObject ToJson() => new()
        {
            ["prompt_tokens"] = PromptTokens,
            ["completion_tokens"] = CompletionTokens,
            ["total_tokens"] = PromptTokens + CompletionTokens,
        };
    }
}
