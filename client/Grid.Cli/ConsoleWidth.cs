using Spectre.Console;

namespace Grid.Cli;

/// <summary>
/// Spectre.Console wraps at 80 columns when it cannot ask a terminal; output piped to a script
/// or a file should keep each line whole, so that a grep for an id finds its whole row.
/// </summary>
public static class ConsoleWidth
{
    private const int Unwrapped = 1000;

    public static void Apply()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
            AnsiConsole.Profile.Width = columns;
        else if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = Unwrapped;
    }
}
