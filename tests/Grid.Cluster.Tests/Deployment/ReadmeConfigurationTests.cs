using System.Text.RegularExpressions;

namespace Grid.Cluster.Tests.Deployment;

/// <summary>The README's configuration table is the operator's reference: every key the silo binds is in it, and nothing else.</summary>
public sealed partial class ReadmeConfigurationTests
{
    [Fact]
    public void EveryKeyTheSiloBindsIsInTheReadmesConfigurationTable()
    {
        var documented = DocumentedKeys();

        Assert.Empty(SiloConfigurationKeys.All.Where(key => !documented.Contains(key)).Order());
    }

    [Fact]
    public void EveryKeyInTheReadmesConfigurationTableIsOneTheSiloBinds()
    {
        Assert.Empty(DocumentedKeys().Where(key => !SiloConfigurationKeys.All.Contains(key)).Order());
    }

    /// <summary>
    /// The keys of the table's first column. A cell may name siblings after the first key,
    /// <c>`Grid:Silo:SiloPort` / `GatewayPort`</c>: each replaces the first key's last segment.
    /// </summary>
    private static HashSet<string> DocumentedKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(RepositoryFiles.PathOf("README.md")))
        {
            if (FirstCell().Match(line) is not { Success: true } cell)
                continue;
            var names = Backticked().Matches(cell.Groups[1].Value).Select(match => match.Groups[1].Value).ToList();
            if (names.Count == 0 || !(names[0].StartsWith("Grid:", StringComparison.Ordinal) || names[0] == "Urls"))
                continue;
            keys.Add(names[0]);
            var parent = names[0][..(names[0].LastIndexOf(':') + 1)];
            foreach (var sibling in names.Skip(1))
                keys.Add(sibling.Contains(':') ? sibling : parent + sibling);
        }
        Assert.NotEmpty(keys);
        return keys;
    }

    /// <summary>A row of the configuration table: its first cell starts with a key (the table of bad inputs only mentions keys).</summary>
    [GeneratedRegex(@"^\|(\s*`[^|]+)\|")]
    private static partial Regex FirstCell();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Backticked();
}
