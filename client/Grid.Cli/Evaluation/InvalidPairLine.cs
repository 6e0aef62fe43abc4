namespace Grid.Cli.Evaluation;

/// <summary>A line of a pairs file that could not be used, and why.</summary>
public sealed record InvalidPairLine(int Line, string Error)
{
    public override string ToString() => $"line {Line}: {Error}";
}
