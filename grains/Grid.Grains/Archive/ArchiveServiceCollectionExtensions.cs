using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Grid.Grains.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// The article list and search in a SQLite file with FTS5 (<see cref="SqliteArticleIndex"/>), beside the grain
    /// states in <paramref name="statePath"/> unless <c>Grid:Archive:Path</c> names a file. Replaces the catalog grain
    /// that <see cref="GridGrainsServiceCollectionExtensions.AddGridGrains"/> lists with by default.
    /// </summary>
    public static IServiceCollection AddSqliteArticleIndex(this IServiceCollection services, IConfiguration configuration, string statePath)
    {
        services.AddOptions<ArchiveOptions>().Bind(configuration.GetSection(ArchiveOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        services.AddSingleton(provider => new SqliteArticleIndex(
            provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.PathBeside(statePath), ServiceId(provider), provider.GetRequiredService<ILogger<SqliteArticleIndex>>()));
        services.AddSingleton<IArticleIndex>(provider => provider.GetRequiredService<SqliteArticleIndex>());
        // Set up as the silo starts: a bad path stops it with a sentence instead of failing the first article.
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => new ArchiveStartup(provider.GetRequiredService<SqliteArticleIndex>()));
        return services;
    }

    /// <summary>
    /// The article list and search in PostgreSQL (<see cref="PostgresArticleIndex"/>), in the database of the grain state
    /// (<paramref name="connectionString"/>, <c>Grid:Postgres</c>), whose tables the silo's schema scripts make. Replaces
    /// the catalog grain that <see cref="GridGrainsServiceCollectionExtensions.AddGridGrains"/> lists with by default.
    /// </summary>
    public static IServiceCollection AddPostgresArticleIndex(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(provider => new PostgresArticleIndex(connectionString, ServiceId(provider), provider.GetRequiredService<ILogger<PostgresArticleIndex>>()));
        services.AddSingleton<IArticleIndex>(provider => provider.GetRequiredService<PostgresArticleIndex>());
        return services;
    }

    /// <summary>The cluster's ServiceId (Grid:ClusterId): an index keeps to its own cluster's articles in a store shared with others.</summary>
    private static string ServiceId(IServiceProvider provider) => provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}
