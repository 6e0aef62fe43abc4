using System.Globalization;

namespace Grid.Abstractions.Articles;

/// <summary>
/// The <c>from</c> and <c>to</c> of a list query as people write them: a day (<c>2026-03-01</c>, UTC, taken whole)
/// or an instant that says its offset (<c>2026-03-01T12:00:00Z</c>, <c>…+03:00</c>).
/// </summary>
public static class ArticleListDates
{
    public const string Expected = "a day (2026-03-01) or an instant with its offset (2026-03-01T12:00:00Z)";

    /// <summary>Reads a bound; a day starts at its midnight as <c>from</c> and ends at the next one as <c>to</c> (<paramref name="endOfDay"/>). Empty is no bound.</summary>
    public static bool TryRead(string? text, bool endOfDay, out DateTimeOffset? moment)
    {
        moment = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            moment = endOfDay ? start.AddDays(1) : start;
            return true;
        }
        // An instant must say its offset: a bare local time would mean a different moment on every server.
        if (SaysItsOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            moment = instant;
            return true;
        }
        return false;
    }

    /// <summary>A time (after a T), then Z or a signed offset.</summary>
    private static bool SaysItsOffset(string text) =>
        text.IndexOf('T') is > 0 and var time && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > time);
}
