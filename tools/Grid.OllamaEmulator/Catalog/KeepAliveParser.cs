using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Catalog;

/// <summary>
/// Reads <c>keep_alive</c> the way Ollama does: a number is seconds, a string is a Go duration
/// ("5m", "1h30m", "-1"); negative means "keep loaded forever".
/// </summary>
internal static partial class KeepAliveParser
{
    public static TimeSpan? Parse(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        if (value.GetValueKind() == JsonValueKind.Number)
            return TimeSpan.FromSeconds(value.GetValue<double>());
        return value.TryGetValue(out string? text) ? ParseDuration(text) : null;
    }

    private static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        var negative = text.StartsWith('-');
        var matches = DurationPart().Matches(negative ? text[1..] : text);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != text.Length - (negative ? 1 : 0))
            return null;
        var total = TimeSpan.Zero;
        foreach (Match match in matches)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            total += match.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }
        return negative ? -total : total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex DurationPart();
}
