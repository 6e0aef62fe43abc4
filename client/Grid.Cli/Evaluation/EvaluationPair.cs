namespace Grid.Cli.Evaluation;

/// <summary>One line of a pairs file: an Arabic source and the English it should become.</summary>
/// <param name="Name">The pair's <c>id</c>, or "line N" when it has none; names the pair in reports.</param>
/// <param name="Line">The line of the file it came from.</param>
/// <param name="Source">The Arabic text submitted to Grid.</param>
/// <param name="Reference">The reference English translation.</param>
/// <param name="Title">An Arabic title submitted with the source; its English is then scored too.</param>
public sealed record EvaluationPair(string Name, int Line, string Source, string Reference, string? Title);
