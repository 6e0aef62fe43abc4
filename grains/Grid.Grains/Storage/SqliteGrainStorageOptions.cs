namespace Grid.Grains.Storage;

/// <summary>
/// Settings of one SQLite grain storage provider: <c>Grid:Sqlite</c>. Providers with the same
/// <see cref="Path"/> share one database file and keep their rows apart by provider name.
/// </summary>
public sealed class SqliteGrainStorageOptions
{
    public const string Section = "Grid:Sqlite";

    public const string DefaultPath = "data/grid.db";

    /// <summary>The database file; a relative path is taken from the working directory, and missing folders are created.</summary>
    public string Path { get; set; } = DefaultPath;
}
