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
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(CliDll);
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
