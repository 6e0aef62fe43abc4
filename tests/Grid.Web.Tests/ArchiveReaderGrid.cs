namespace Grid.Web.Tests;

/// <summary>The reader on the single-node default: grain states and the article index (which searches) in SQLite files of a folder of its own.</summary>
public sealed class ArchiveReaderGrid : ReaderGrid
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grid-reader-").FullName;

    protected override Task ConfigureAsync(Dictionary<string, string?> settings)
    {
        settings["Grid:Storage"] = "Sqlite";
        settings["Grid:Sqlite:Path"] = Path.Combine(_folder, "grid.db");
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
