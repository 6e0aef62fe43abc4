using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli;

/// <summary>What reaches the top of the program: a command line that cannot be read is bad input (2), anything else unexpected (70); both with a sentence, not a stack trace.</summary>
public static class ErrorExit
{
    public static int Handle(Exception error, ITypeResolver? resolver)
    {
        if (error is CommandAppException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/] (grid --help lists the commands and their options)");
            return ExitCodes.BadInput;
        }
        AnsiConsole.MarkupLineInterpolated($"[red]Unexpected error: {error.Message}[/]");
        return ExitCodes.Unexpected;
    }
}
