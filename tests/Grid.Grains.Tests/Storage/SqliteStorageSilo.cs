using Grid.Grains.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>
/// A silo of the one test host on a SQLite file: Grid's own storage registration (both providers on the file, each
/// behind the guard against unreadable states), built as the silo process builds itself.
/// </summary>
internal static class SqliteStorageSilo
{
    /// <summary>A provider on the same file registered without the guard, for the tests of the guard itself.</summary>
    public const string Unguarded = "unguarded";

    /// <param name="configure">Last changes to the silo's builder, e.g. another provider.</param>
    public static Task<GridSiloHost> StartAsync(string path, Action<WebApplicationBuilder>? configure = null) =>
        GridSiloHost.StartAsync(new Dictionary<string, string?> { ["Grid:Storage"] = "Sqlite", ["Grid:Sqlite:Path"] = path }, builder =>
        {
            builder.Services.AddSqliteGrainStorage(Unguarded, options => options.Configure(sqlite => sqlite.Path = path));
            configure?.Invoke(builder);
        });

    /// <summary>The provider as the silo resolves it, out of its own services, with the serializer Orleans registered there.</summary>
    public static IGrainStorage Storage(this GridSiloHost silo, string provider) =>
        silo.Services.GetRequiredKeyedService<IGrainStorage>(provider);

    public static IStorageProbeGrain Probe(this GridSiloHost silo, string key) =>
        silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStorageProbeGrain>(key);
}
