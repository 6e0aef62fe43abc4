using System.Diagnostics;

namespace Grid.Cluster.Tests.Cli;

/// <summary>Runs the built <c>grid</c> command line as its own process, as a user or a script would.</summary>
internal static class GridCliProcess
{
    /// <summary>The CLI's own output folder: same configuration and framework as this test assembly's.</summary>
    private static readonly string CliDll = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("tests", "Grid.Cluster.Tests"), Path.Combine("client", "Grid.Cli")), "grid.dll");

    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <param name="environment">Variables the process gets besides the test's own (GRID_URL, GRID_API_KEY...).</param>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync("dotnet", [CliDll, .. args], environment);

    /// <summary>Runs an installed <c>grid</c> command (see <see cref="InstalledGridTool"/>).</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunInstalledAsync(string grid, params string[] args) =>
        RunAsync(grid, args, new Dictionary<string, string>());

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
