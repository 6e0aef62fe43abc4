using System.Text.Json;

namespace Grid.Cli.Evaluation;

/// <summary>
/// Reads a pairs file: JSON Lines, one object per line with <c>source</c> (Arabic) and <c>reference</c>
/// (English), and optionally <c>id</c> and <c>title</c>. Blank lines are skipped; a line that cannot be
/// used is reported with its number and the others are still read.
/// </summary>
public static class EvaluationPairsFile
{
    public static async Task<(IReadOnlyList<EvaluationPair> Pairs, IReadOnlyList<InvalidPairLine> Invalid)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var pairs = new List<EvaluationPair>();
        var invalid = new List<InvalidPairLine>();
        var lineOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (pair, error) = Parse(line, number);
            if (pair is null)
            {
                invalid.Add(new InvalidPairLine(number, error!));
            }
            else if (lineOfName.TryGetValue(pair.Name, out var first))
            {
                invalid.Add(new InvalidPairLine(number, $"the id '{pair.Name}' is already used on line {first}."));
            }
            else
            {
                lineOfName[pair.Name] = number;
                pairs.Add(pair);
            }
        }
        return (pairs, invalid);
    }

    private static (EvaluationPair? Pair, string? Error) Parse(string line, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException error)
        {
            return (null, $"not valid JSON ({error.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, $"expected a JSON object with \"source\" and \"reference\", found {Describe(root.ValueKind)}.");
            if (Text(root, "source", required: true) is (null, var sourceError))
                return (null, sourceError);
            if (Text(root, "reference", required: true) is (null, var referenceError))
                return (null, referenceError);
            var (title, titleError) = Text(root, "title", required: false);
            if (titleError is not null)
                return (null, titleError);
            var (id, idError) = Id(root);
            if (idError is not null)
                return (null, idError);
            return (new EvaluationPair(id ?? $"line {number}", number, root.GetProperty("source").GetString()!, root.GetProperty("reference").GetString()!, title), null);
        }
    }

    private static (string? Value, string? Error) Text(JsonElement root, string name, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return (null, required ? $"\"{name}\" is missing." : null);
        if (value.ValueKind != JsonValueKind.String)
            return (null, $"\"{name}\" must be a string, not {Describe(value.ValueKind)}.");
        var text = value.GetString()!;
        if (!string.IsNullOrWhiteSpace(text))
            return (text, null);
        return (null, required ? $"\"{name}\" is empty." : null);
    }

    /// <summary>Datasets number their items as often as they name them, so a number is an id too.</summary>
    private static (string? Value, string? Error) Id(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var value) || value.ValueKind == JsonValueKind.Null)
            return (null, null);
        return value.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => (value.GetString()!.Trim(), null),
            JsonValueKind.Number => (value.GetRawText(), null),
            _ => (null, $"\"id\" must be a non-empty string or a number, not {Describe(value.ValueKind)}."),
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
