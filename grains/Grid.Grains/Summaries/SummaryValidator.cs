using System.Collections.Immutable;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Text;

namespace Grid.Grains.Summaries;

/// <summary>Checks structured summary answers: valid JSON of the schema, English in Latin script, Arabic in Arabic script.</summary>
public static class SummaryValidator
{
    public static AnswerCheck<ArticleSummary> CheckSummary(string answer)
    {
        if (Parse(answer) is not { } root)
            return AnswerCheck<ArticleSummary>.Reject("the summary is not a JSON object");

        var en = root.TryGetProperty("en", out var enValue) && enValue.ValueKind == JsonValueKind.String ? enValue.GetString()!.Trim() : "";
        var ar = root.TryGetProperty("ar", out var arValue) && arValue.ValueKind == JsonValueKind.String ? arValue.GetString()!.Trim() : "";
        var keyPoints = Strings(root, "keyPoints");

        if (en.Length == 0 || ArabicScript.LatinLetterRatio(en) < 0.8)
            return AnswerCheck<ArticleSummary>.Reject("the English summary is missing or not in Latin script");
        if (ar.Length == 0 || ArabicScript.ArabicLetterRatio(ar) < 0.8)
            return AnswerCheck<ArticleSummary>.Reject("the Arabic summary is missing or not in Arabic script");
        if (keyPoints.IsEmpty)
            return AnswerCheck<ArticleSummary>.Reject("the summary has no key points");
        return AnswerCheck<ArticleSummary>.Accept(new ArticleSummary(en, ar, keyPoints));
    }

    public static AnswerCheck<ImmutableArray<string>> CheckFacts(string answer)
    {
        var facts = Parse(answer) is { } root ? Strings(root, "facts") : [];
        return facts.IsEmpty
            ? AnswerCheck<ImmutableArray<string>>.Reject("the facts answer is not a JSON object with a non-empty 'facts' list")
            : AnswerCheck<ImmutableArray<string>>.Accept(facts);
    }

    private static JsonElement? Parse(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ImmutableArray<string> Strings(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.String)
                .Select(item => item.GetString()!.Trim())
                .Where(item => item.Length > 0)]
            : [];
}
