using System.Diagnostics;
using Grid.Cluster.Tests.Deployment;

namespace Grid.Cluster.Tests.Cli;

/// <summary>The CLI packed and installed as the README says (<c>dotnet pack</c>, <c>dotnet tool install --add-source</c>), into a folder of its own.</summary>
internal static class InstalledGridTool
{
    /// <summary>The configuration this test assembly was built in, which the CLI's build output shares.</summary>
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>Packs the already built CLI and installs it; returns the path of the installed <c>grid</c> command.</summary>
    public static async Task<string> InstallAsync(string folder)
    {
        var pack = Path.Combine(folder, "nupkg");
        var tools = Path.Combine(folder, "tools");
        await RunAsync("pack", RepositoryFiles.PathOf("client/Grid.Cli"), "--no-build", "-c", Configuration, "-o", pack);
        await RunAsync("tool", "install", "Grid.Cli", "--tool-path", tools, "--add-source", pack);
        return Path.Combine(tools, "grid");
    }

    private static async Task RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)}: {await output}{await errors}");
    }
}
