using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator.Wire;

namespace Grid.OllamaEmulator.OpenAI;

/// <summary>
/// Reads an OpenAI chat completion request (as vLLM accepts it) into a <see cref="CompletionRequest"/>:
/// <c>max_tokens</c> or <c>max_completion_tokens</c> become the output limit, <c>response_format</c>
/// <c>json_schema</c> the schema, <c>json_object</c> plain JSON.
/// </summary>
internal static class OpenAIRequestParser
{
    public static OpenAIRequest Parse(JsonObject body)
    {
        var model = String(body, "model");
        if (string.IsNullOrWhiteSpace(model))
            throw new BadRequestException("model is required");
        if (body["messages"] is not JsonArray { Count: > 0 } messages)
            throw new BadRequestException("messages must be a non-empty array");

        var turns = new List<ChatTurn>();
        foreach (var message in messages)
        {
            if (message is not JsonObject fields)
                throw new BadRequestException("each message must be an object");
            turns.Add(new ChatTurn(String(fields, "role") ?? "", Content(fields["content"])));
        }

        var completion = new CompletionRequest
        {
            Kind = RequestKinds.OpenAIChat,
            Model = model,
            Turns = turns,
            Stream = Bool(body, "stream") ?? false,
            Format = ResponseFormat(body["response_format"]),
            Options = new RecordedOptions(
                NumCtx: null,
                Temperature: Number(body, "temperature"),
                Seed: (long?)Number(body, "seed"),
                NumPredict: (int?)(Number(body, "max_completion_tokens") ?? Number(body, "max_tokens"))),
        };
        var includeUsage = body["stream_options"] is JsonObject streamOptions && Bool(streamOptions, "include_usage") == true;
        return new OpenAIRequest(completion, includeUsage);
    }

    /// <summary>A message's content: a string, or an array of parts whose text parts are joined.</summary>
    private static string Content(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Where(part => String(part, "type") == "text").Select(part => String(part, "text"))),
        _ => throw new BadRequestException("message content must be a string or an array of parts"),
    };

    private static JsonNode? ResponseFormat(JsonNode? format)
    {
        if (format is null)
            return null;
        if (format is not JsonObject fields)
            throw new BadRequestException("response_format must be an object");
        return String(fields, "type") switch
        {
            "text" => null,
            "json_object" => JsonValue.Create("json"),
            "json_schema" => (fields["json_schema"] as JsonObject)?["schema"] as JsonObject
                ?? throw new BadRequestException("response_format json_schema needs json_schema.schema"),
            var other => throw new BadRequestException($"response_format type '{other}' is not supported"),
        };
    }

    private static string? String(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => throw new BadRequestException($"{name} must be a string"),
    };

    private static bool? Bool(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw new BadRequestException($"{name} must be a boolean"),
    };

    private static double? Number(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        _ => throw new BadRequestException($"{name} must be a number"),
    };
}
