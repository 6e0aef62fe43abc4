using Microsoft.Extensions.Options;

namespace Grid.Grains.Archive;

/// <summary>Refuses to start with an index file that could only fail on the first article.</summary>
public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options) =>
        Directory.Exists(options.Path)
            ? ValidateOptionsResult.Fail($"Grid:Archive:Path is the folder '{options.Path}': name a file in it, e.g. {Path.Combine(options.Path, "grid.archive.db")}.")
            : ValidateOptionsResult.Success;
}
