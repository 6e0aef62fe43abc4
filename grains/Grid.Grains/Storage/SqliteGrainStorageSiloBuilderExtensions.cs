using Microsoft.Extensions.Options;

namespace Grid.Grains.Storage;

/// <summary>Adds SQLite grain storage providers to a silo.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds the grain storage provider <paramref name="name"/>, kept in the SQLite file at <paramref name="path"/>; providers may share a file.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, string path) =>
        builder.AddSqliteGrainStorage(name, options => options.Configure(sqlite => sqlite.Path = path));

    /// <summary>Adds the grain storage provider <paramref name="name"/>, with its options set up by <paramref name="configureOptions"/>, e.g. bound to <see cref="SqliteGrainStorageOptions.Section"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<SqliteGrainStorageOptions>>? configureOptions = null)
    {
        builder.Services.AddSqliteGrainStorage(name, configureOptions);
        return builder;
    }
}
