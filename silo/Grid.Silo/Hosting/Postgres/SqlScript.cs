namespace Grid.Silo.Hosting.Postgres;

/// <summary>One schema script: its file name (the key it is recorded under once applied), its text and that text's SHA-256.</summary>
public sealed record SqlScript(string Name, string Text, string Sha256);
