using Grid.Abstractions.Articles;
using Grid.Abstractions.Pages;

namespace Grid.Cli;

/// <summary>
/// Reads the articles a path names: a page's URL (Grid fetches it), one file, the articles of a folder
/// (text, markdown, HTML), or standard input. A saved page goes to Grid as it is: Grid extracts its article.
/// Files are decoded the way the silo decodes a page (<see cref="PageDecoder"/>), not assumed to be UTF-8: a page
/// saved from an Arabic site in windows-1256 reaches Grid as the Arabic it shows in a browser.
/// </summary>
public static class SubmissionSource
{
    public static readonly string[] Extensions = [".txt", ".md", ".html", ".htm"];

    public static bool IsUrl(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static async Task<IReadOnlyList<(string Name, ArticleSubmission Submission)>> ReadAsync(string path, string? title, CancellationToken cancellationToken)
    {
        if (IsUrl(path))
            return [(path, new ArticleSubmission("", title, Url: path))];
        if (path == "-")
            return [("stdin", new ArticleSubmission(await Console.In.ReadToEndAsync(cancellationToken), title))];
        if (File.Exists(path))
            return [(path, await ReadFileAsync(path, title, cancellationToken))];

        var files = Directory.EnumerateFiles(path)
            .Where(file => Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var submissions = new List<(string, ArticleSubmission)>();
        foreach (var file in files)
            submissions.Add((file, await ReadFileAsync(file, title: null, cancellationToken)));
        return submissions;
    }

    private static async Task<ArticleSubmission> ReadFileAsync(string path, string? title, CancellationToken cancellationToken)
    {
        var content = PageDecoder.Decode(await File.ReadAllBytesAsync(path, cancellationToken), headerCharset: null);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm"
            ? new ArticleSubmission("", title, Html: content)
            : new ArticleSubmission(content, title);
    }
}
