namespace Grid.Cluster.Tests.Deployment;

/// <summary>Files of this repository, found from the test's output folder upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Grid.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Grid.sln above {AppContext.BaseDirectory}.");
    }
}
