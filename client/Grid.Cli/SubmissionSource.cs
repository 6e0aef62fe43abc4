using Grid.Abstractions.Articles;

namespace Grid.Cli;

/// <summary>Reads the articles a path names: one file, the text files of a folder, or standard input.</summary>
public static class SubmissionSource
{
    private static readonly string[] TextExtensions = [".txt", ".md"];

    public static async Task<IReadOnlyList<(string Name, ArticleSubmission Submission)>> ReadAsync(string path, string? title, CancellationToken cancellationToken)
    {
        if (path == "-")
            return [("stdin", new ArticleSubmission(await Console.In.ReadToEndAsync(cancellationToken), title))];
        if (File.Exists(path))
            return [(path, new ArticleSubmission(await File.ReadAllTextAsync(path, cancellationToken), title))];

        var files = Directory.EnumerateFiles(path)
            .Where(file => TextExtensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var submissions = new List<(string, ArticleSubmission)>();
        foreach (var file in files)
            submissions.Add((file, new ArticleSubmission(await File.ReadAllTextAsync(file, cancellationToken))));
        return submissions;
    }
}
