using Grid.Abstractions.Articles;

namespace Grid.Cli;

/// <summary>Reads the articles a path names: one file, the articles of a folder (text, markdown, HTML), or standard input.</summary>
public static class SubmissionSource
{
    public static readonly string[] Extensions = [".txt", ".md", ".html", ".htm"];

    public static async Task<IReadOnlyList<(string Name, ArticleSubmission Submission)>> ReadAsync(string path, string? title, CancellationToken cancellationToken)
    {
        if (path == "-")
            return [("stdin", new ArticleSubmission(await Console.In.ReadToEndAsync(cancellationToken), title))];
        if (File.Exists(path))
            return [(path, new ArticleSubmission(await ReadFileAsync(path, cancellationToken), title))];

        var files = Directory.EnumerateFiles(path)
            .Where(file => Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var submissions = new List<(string, ArticleSubmission)>();
        foreach (var file in files)
            submissions.Add((file, new ArticleSubmission(await ReadFileAsync(file, cancellationToken))));
        return submissions;
    }

    /// <summary>A web page is reduced to its article text here; Grid itself takes text.</summary>
    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllTextAsync(path, cancellationToken);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" ? HtmlArticleText.Extract(content) : content;
    }
}
