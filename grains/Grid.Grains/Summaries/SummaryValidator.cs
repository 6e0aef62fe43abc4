using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grid.Abstractions.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Text;

namespace Grid.Grains.Summaries;

/// <summary>
/// Checks structured summary answers: valid JSON of the schema, English in Latin script, Arabic in
/// Arabic script, and bounded: a summary, its key points and facts of a sane length and number, with
/// no tag of the prompt left in them. A summary as long as an article is not a summary, whatever it says.
/// </summary>
public static partial class SummaryValidator
{
    public const int MaxSummaryChars = 1500;
    public const int MaxArabicSummaryChars = 2000;
    public const int MaxKeyPoints = 8;
    public const int MaxPointChars = 400;
    public const int MaxFacts = 60;

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
        if (en.Length > MaxSummaryChars || ar.Length > MaxArabicSummaryChars)
            return AnswerCheck<ArticleSummary>.Reject($"the summary is too long ({en.Length} characters of English, {ar.Length} of Arabic; at most {MaxSummaryChars} and {MaxArabicSummaryChars})");
        if (keyPoints.Length > MaxKeyPoints || keyPoints.Any(point => point.Length > MaxPointChars))
            return AnswerCheck<ArticleSummary>.Reject($"the key points are too many or too long ({keyPoints.Length}; at most {MaxKeyPoints} of {MaxPointChars} characters)");
        if (new[] { en, ar }.Concat(keyPoints).FirstOrDefault(text => PromptTag().IsMatch(text)) is { } tagged)
            return AnswerCheck<ArticleSummary>.Reject($"the summary holds a tag of the prompt: '{PromptTag().Match(tagged).Value}'");
        return AnswerCheck<ArticleSummary>.Accept(new ArticleSummary(en, ar, keyPoints));
    }

    public static AnswerCheck<ImmutableArray<string>> CheckFacts(string answer)
    {
        var facts = Parse(answer) is { } root ? Strings(root, "facts") : [];
        if (facts.IsEmpty)
            return AnswerCheck<ImmutableArray<string>>.Reject("the facts answer is not a JSON object with a non-empty 'facts' list");
        if (facts.Length > MaxFacts || facts.Any(fact => fact.Length > MaxPointChars))
            return AnswerCheck<ImmutableArray<string>>.Reject($"the facts are too many or too long ({facts.Length}; at most {MaxFacts} of {MaxPointChars} characters)");
        if (facts.FirstOrDefault(fact => PromptTag().IsMatch(fact)) is { } tagged)
            return AnswerCheck<ImmutableArray<string>>.Reject($"a fact holds a tag of the prompt: '{PromptTag().Match(tagged).Value}'");
        return AnswerCheck<ImmutableArray<string>>.Accept(facts);
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

    [GeneratedRegex(@"</?(article|source|context|draft|notes|translation)>", RegexOptions.IgnoreCase)]
    private static partial Regex PromptTag();
}
