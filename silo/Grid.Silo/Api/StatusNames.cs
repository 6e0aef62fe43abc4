using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>Statuses as the API spells them: lower-case words.</summary>
public static class StatusNames
{
    public static string Of(ArticleStatus status) => status.ToString().ToLowerInvariant();

    public static string All => string.Join(", ", Enum.GetValues<ArticleStatus>().Select(Of));

    /// <summary>Reads <c>queued</c>, <c>Completed</c>...; numbers are not statuses.</summary>
    public static bool TryParse(string text, out ArticleStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && !char.IsAsciiDigit(text.TrimStart('-')[0]) && Enum.IsDefined(status);
}
