using System.Globalization;

namespace Grid.Abstractions.Feeds;

/// <summary>A poll interval as people write it: <c>15m</c>, <c>1h</c>, <c>30s</c>, <c>1d</c>, or <c>hh:mm:ss</c>.</summary>
public static class FeedInterval
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(15);

    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Default;
        text = text.Trim();
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => null,
            };
            return unit * count;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
