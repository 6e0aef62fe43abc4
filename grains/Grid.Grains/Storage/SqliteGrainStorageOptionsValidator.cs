using Microsoft.Extensions.Options;

namespace Grid.Grains.Storage;

/// <summary>Refuses to start a silo whose storage file could only fail on the first grain write.</summary>
internal sealed class SqliteGrainStorageOptionsValidator : IValidateOptions<SqliteGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteGrainStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
            return ValidateOptionsResult.Fail($"Grid:Sqlite:Path of storage '{name}' is empty: name a file, e.g. {SqliteGrainStorageOptions.DefaultPath}.");
        if (Directory.Exists(options.Path))
            return ValidateOptionsResult.Fail($"Grid:Sqlite:Path of storage '{name}' is the folder '{options.Path}': name a file in it, e.g. {System.IO.Path.Combine(options.Path, "grid.db")}.");
        return ValidateOptionsResult.Success;
    }
}
