namespace Grid.Grains.Tests.Storage;

/// <summary>A database path in a fresh temporary folder whose "data" subfolder does not exist yet; the folder is deleted after.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "grid-storage-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(Folder, "data", "grid.db");

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
