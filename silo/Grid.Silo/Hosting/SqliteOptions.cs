namespace Grid.Silo.Hosting;

/// <summary><c>Grid:Sqlite</c>: the embedded default storage's file.</summary>
public sealed class SqliteOptions
{
    public string Path { get; set; } = "data/grid.db";
}
