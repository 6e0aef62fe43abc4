namespace Grid.Grains.Archive;

/// <summary>The article index of the SQLite configuration: <c>Grid:Archive</c>.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Grid:Archive";

    /// <summary>
    /// The index's own SQLite file. Empty: beside the grain states' file, named after it (<c>data/grid.db</c> →
    /// <c>data/grid.archive.db</c>). A file of its own, so that indexing never holds the lock the states are written under.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>The index file for grain states kept in <paramref name="statePath"/>, unless <see cref="Path"/> names one.</summary>
    public string PathBeside(string statePath) =>
        !string.IsNullOrWhiteSpace(Path) ? Path
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(statePath) ?? "", System.IO.Path.GetFileNameWithoutExtension(statePath) + ".archive.db");
}
