using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator.Catalog;

namespace Grid.OllamaEmulator.Wire;

/// <summary>Turns the JSON of <c>/api/chat</c> and <c>/api/generate</c> into a <see cref="CompletionRequest"/>.</summary>
internal static class CompletionRequestParser
{
    public static CompletionRequest ParseChat(JsonObject body)
    {
        var turns = new List<ChatTurn>();
        switch (body["messages"])
        {
            case null:
                break;
            case JsonArray messages:
                foreach (var message in messages)
                {
                    if (message is not JsonObject fields)
                        throw Mistyped("ChatRequest.messages", message, "api.Message");
                    turns.Add(new ChatTurn(
                        OptionalString(fields, "role", "Message.role") ?? "",
                        OptionalString(fields, "content", "Message.content") ?? ""));
                }
                break;
            default:
                throw Mistyped("ChatRequest.messages", body["messages"], "[]api.Message");
        }
        return Common(body, RequestKinds.Chat, "ChatRequest", turns);
    }

    public static CompletionRequest ParseGenerate(JsonObject body)
    {
        var turns = new List<ChatTurn>();
        if (OptionalString(body, "system", "GenerateRequest.system") is { Length: > 0 } system)
            turns.Add(new ChatTurn("system", system));
        if (OptionalString(body, "prompt", "GenerateRequest.prompt") is { Length: > 0 } prompt)
            turns.Add(new ChatTurn("user", prompt));
        return Common(body, RequestKinds.Generate, "GenerateRequest", turns);
    }

    private static CompletionRequest Common(JsonObject body, string kind, string goType, List<ChatTurn> turns)
    {
        var model = OptionalString(body, "model", goType + ".model");
        if (string.IsNullOrWhiteSpace(model))
            throw new BadRequestException("model is required");

        return new CompletionRequest
        {
            Kind = kind,
            Model = model,
            Turns = turns,
            Stream = OptionalBool(body, "stream", goType + ".stream") ?? true,
            Format = ParseFormat(body["format"]),
            Options = ParseOptions(body["options"]),
            Think = ParseThink(body["think"]),
            KeepAliveText = body["keep_alive"] switch
            {
                JsonValue text when text.TryGetValue(out string? duration) => duration,
                JsonValue number => number.ToJsonString(),
                _ => null,
            },
            KeepAlive = KeepAliveParser.Parse(body["keep_alive"]),
        };
    }

    private static JsonNode? ParseFormat(JsonNode? format) => format switch
    {
        null => null,
        JsonObject schema => schema,
        JsonValue value when value.TryGetValue(out string? text) => text switch
        {
            "" => null,
            "json" => value,
            _ => throw new BadRequestException($"invalid format: {JsonSerializer.Serialize(text)}; expected \"json\" or a valid JSON Schema object"),
        },
        _ => throw new BadRequestException("invalid format: expected \"json\" or a valid JSON Schema object"),
    };

    private static RecordedOptions ParseOptions(JsonNode? options)
    {
        if (options is null)
            return new RecordedOptions(null, null, null, null);
        if (options is not JsonObject fields)
            throw Mistyped("options", options, "map[string]interface {}");
        return new RecordedOptions(
            NumCtx: (int?)OptionalNumber(fields, "num_ctx"),
            Temperature: OptionalNumber(fields, "temperature"),
            Seed: (long?)OptionalNumber(fields, "seed"),
            NumPredict: (int?)OptionalNumber(fields, "num_predict"));
    }

    private static string? ParseThink(JsonNode? think) => think switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "true" : "false",
        JsonValue value when value.TryGetValue(out string? level) && level is "high" or "medium" or "low" => level,
        _ => throw new BadRequestException($"invalid think value: {think.ToJsonString()} (must be \"high\", \"medium\", \"low\", true, or false)"),
    };

    private static double? OptionalNumber(JsonObject fields, string name) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        var other => throw new BadRequestException(
            $"option \"{name}\" must be of type {(name == "temperature" ? "float" : "integer")}, not {RequestBodyReader.DescribeKind(other)}"),
    };

    private static string? OptionalString(JsonObject fields, string name, string goField) => fields[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => throw Mistyped(goField, other, "string"),
    };

    private static bool? OptionalBool(JsonObject fields, string name, string goField) => fields[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        var other => throw Mistyped(goField, other, "bool"),
    };

    private static BadRequestException Mistyped(string goField, JsonNode? value, string goType) =>
        new($"json: cannot unmarshal {RequestBodyReader.DescribeKind(value)} into Go struct field {goField} of type {goType}");
}
