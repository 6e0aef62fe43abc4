using System.Reflection;
using System.Text.RegularExpressions;
using Grid.Abstractions;
using Grid.Grains.Articles;

namespace Grid.Grains.Tests.Abstractions;

/// <summary>
/// One place knows the singletons' key (<see cref="SingletonGrains"/>): a grain addressed by a key of its own
/// would be a second catalog or outbox, empty, beside the one that holds the state.
/// </summary>
public sealed partial class SingletonGrainsTests
{
    [Fact]
    public void EveryGridGrainWithAnIntegerKeyIsASingleton()
    {
        var notMarked = GridGrainInterfaces().Where(type => typeof(IGrainWithIntegerKey).IsAssignableFrom(type) && !typeof(ISingletonGrain).IsAssignableFrom(type));

        Assert.Empty(notMarked.Select(type => type.Name));
    }

    [Fact]
    public void NoCodeAddressesASingletonByAKeyOfItsOwn()
    {
        var singletons = GridGrainInterfaces().Where(typeof(ISingletonGrain).IsAssignableFrom).Select(type => type.Name).ToHashSet();
        Assert.Contains("IArticleCatalogGrain", singletons);

        var root = RepositoryRoot();
        var offenders =
            from folder in new[] { "grains", "silo", "client", "tests", "bench" }
            from file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
            from match in GetGrainCall().Matches(File.ReadAllText(file))
            where singletons.Contains(match.Groups["grain"].Value)
            select $"{Path.GetRelativePath(root, file)}: {match.Value}";

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> GridGrainInterfaces() =>
        new[] { typeof(ISingletonGrain).Assembly, typeof(ArticleGrain).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsInterface && typeof(IAddressable).IsAssignableFrom(type) && type != typeof(ISingletonGrain));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Grid.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Grid.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"GetGrain<(?<grain>I\w+)>\(")]
    private static partial Regex GetGrainCall();
}
