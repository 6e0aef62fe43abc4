namespace Grid.Web.Tests;

/// <summary>The repository's <c>artifacts/</c> folder (beside Grid.sln), where CI keeps what the tests leave to look at.</summary>
internal static class Artifacts
{
    public static string Screenshot(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Grid.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Grid.sln above {AppContext.BaseDirectory}.");
    }
}
