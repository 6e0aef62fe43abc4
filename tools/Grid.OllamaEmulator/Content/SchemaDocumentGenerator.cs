using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Builds a JSON document that satisfies a JSON schema (what Ollama's grammar-constrained
/// structured output guarantees), filling strings from the source text: Arabic script for
/// Arabic-named properties, Latin letters otherwise.
/// </summary>
internal sealed class SchemaDocumentGenerator(JsonObject rootSchema, SourceDigest digest)
{
    private const int DefaultArrayLength = 3;
    private const int MaxDepth = 12;

    public JsonNode? Generate() => Generate(rootSchema, arabic: false, index: 0, depth: 0);

    private JsonNode? Generate(JsonNode? schema, bool arabic, int index, int depth)
    {
        if (schema is not JsonObject rules || depth > MaxDepth)
            return Text(arabic, index, maxLength: null);

        rules = Resolve(rules);
        if (rules["const"] is { } constant)
            return constant.DeepClone();
        if (rules["enum"] is JsonArray { Count: > 0 } choices)
            return choices[0]?.DeepClone();
        if ((rules["anyOf"] ?? rules["oneOf"] ?? rules["allOf"]) is JsonArray { Count: > 0 } alternatives)
        {
            var chosen = alternatives.FirstOrDefault(alternative => TypeOf(alternative as JsonObject) != "null") ?? alternatives[0];
            return Generate(chosen, arabic, index, depth + 1);
        }

        return TypeOf(rules) switch
        {
            "object" => Object(rules, arabic, index, depth),
            "array" => Array(rules, arabic, depth),
            "integer" => JsonValue.Create((long)Number(rules)),
            "number" => JsonValue.Create(Number(rules)),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => String(rules, arabic, index),
        };
    }

    private JsonObject Object(JsonObject rules, bool arabic, int index, int depth)
    {
        var document = new JsonObject();
        if (rules["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
                document[name] = Generate(propertySchema, arabic || ArabicPropertyName.Matches(name), index, depth + 1);
        }
        if (rules["required"] is JsonArray required)
        {
            foreach (var name in required.Select(StringValue).OfType<string>().Where(name => !document.ContainsKey(name)))
                document[name] = Text(arabic || ArabicPropertyName.Matches(name), index, maxLength: null);
        }
        return document;
    }

    private JsonArray Array(JsonObject rules, bool arabic, int depth)
    {
        var length = DefaultArrayLength;
        if (Integer(rules, "minItems") is { } min)
            length = Math.Max(length, min);
        if (Integer(rules, "maxItems") is { } max)
            length = Math.Min(length, max);
        var items = new JsonArray();
        for (var i = 0; i < length; i++)
            items.Add(Generate(rules["items"], arabic, i, depth + 1));
        return items;
    }

    private JsonNode String(JsonObject rules, bool arabic, int index) => StringValue(rules["format"]) switch
    {
        "date-time" => JsonValue.Create("2024-03-29T12:57:00Z"),
        "date" => JsonValue.Create("2024-03-29"),
        _ => Text(arabic, index, Integer(rules, "maxLength")),
    };

    private JsonValue Text(bool arabic, int index, int? maxLength)
    {
        var text = arabic ? digest.Arabic(index) : digest.Latin(index);
        return JsonValue.Create(maxLength is { } max && text.Length > max ? text[..max] : text);
    }

    private double Number(JsonObject rules)
    {
        double value = digest.SentenceCount;
        if (Double(rules, "minimum") is { } min)
            value = Math.Max(value, min);
        if (Double(rules, "maximum") is { } max)
            value = Math.Min(value, max);
        return value;
    }

    /// <summary>Follows a local <c>$ref</c> ("#/$defs/Name" or "#/definitions/Name").</summary>
    private JsonObject Resolve(JsonObject rules)
    {
        for (var hops = 0; hops < MaxDepth && StringValue(rules["$ref"]) is { } reference && reference.StartsWith('#'); hops++)
        {
            JsonNode? target = rootSchema;
            foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            if (target is not JsonObject resolved)
                break;
            rules = resolved;
        }
        return rules;
    }

    private static string TypeOf(JsonObject? rules) => rules?["type"] switch
    {
        JsonValue type when type.TryGetValue(out string? name) => name,
        JsonArray types => types.Select(StringValue).FirstOrDefault(type => type is not null and not "null") ?? "null",
        _ when rules?["properties"] is not null => "object",
        _ when rules?["items"] is not null => "array",
        _ => "string",
    };

    private static string? StringValue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static int? Integer(JsonObject rules, string name) => (int?)Double(rules, name);

    private static double? Double(JsonObject rules, string name) =>
        rules[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.GetValue<double>()
            : rules[name] is JsonValue text && text.TryGetValue(out string? digits) && double.TryParse(digits, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
