using Grid.Abstractions;
using Grid.Grains;
using Grid.Grains.Archive;
using Grid.Grains.Feeds;
using Grid.Grains.Llm;
using Grid.Grains.Storage;
using Grid.Grains.Webhooks;
using Grid.Silo.Hosting.Postgres;
using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using StackExchange.Redis;

namespace Grid.Silo.Hosting;

public static class GridSiloBuilderExtensions
{
    /// <summary>Hosts an Orleans silo in this process, clustered and stored as <c>Grid:Clustering</c> and <c>Grid:Storage</c> say.</summary>
    public static WebApplicationBuilder AddGridSilo(this WebApplicationBuilder builder)
    {
        var options = GridHostOptions.Read(builder.Configuration);
        // Read above because they choose the providers; bound again for whoever asks for them, checked by the same validator.
        builder.Services.AddOptions<GridHostOptions>().Bind(builder.Configuration.GetSection(GridHostOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GridHostOptions>, GridHostOptionsValidator>();
        builder.Services.AddGridGrains(builder.Configuration);
        if (options.Storage == StorageKind.Sqlite)
            builder.Services.AddSqliteArticleIndex(builder.Configuration, options.Sqlite.Path);
        else if (options.Storage == StorageKind.Postgres)
            builder.Services.AddPostgresArticleIndex(options.Postgres);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.UseOrleans(silo =>
        {
            silo.UsePostgresSchema(options);
            silo.UseGridClustering(options);
            // The strongly consistent directory: no second activation of a grain while a failed silo's
            // share of the directory is rebuilt, so a chunk's LLM job is never run twice at once.
            // It is marked experimental in Orleans 10; the duplicates of the default directory cost LLM calls.
#pragma warning disable ORLEANSEXP003
            silo.AddDistributedGrainDirectory(name: null);
#pragma warning restore ORLEANSEXP003
            silo.AddActivityPropagation();
            // One serializer for every provider: Grid's (GridStorageSerializer), which also reads what Orleans' wrote.
            silo.Services.AddGridStorageSerializer();
            silo.AddGridStorage(options, GridStorage.Articles);
            silo.AddGridStorage(options, GridStorage.Translations);
            silo.UseGridReminders(options);
            if (options.Dashboard.Enabled)
                silo.AddDashboard();
        });
        // Registered after the silo, so they start once the silo is up.
        builder.Services.AddHostedService<SubmissionPathWarmup>();
        builder.Services.AddArticleWatchdog();
        builder.Services.AddWebhookSweep();
        builder.Services.AddFeedSweep();
        builder.Services.AddLlmEndpointMonitor();
        return builder;
    }

    /// <summary>
    /// Ends the process a moment after <c>Grid:ShutdownTimeout</c> if it is still stopping (see <see cref="BoundedShutdown"/>).
    /// For the silo process only: a host inside another process (a test's) must never end that process.
    /// </summary>
    public static WebApplicationBuilder AddGridBoundedShutdown(this WebApplicationBuilder builder)
    {
        var timeout = GridHostOptions.Read(builder.Configuration).ShutdownTimeout;
        builder.Services.AddHostedService(services =>
            new BoundedShutdown(services.GetRequiredService<IHostApplicationLifetime>(), timeout, services.GetRequiredService<ILogger<BoundedShutdown>>()));
        return builder;
    }

    private static void UseGridClustering(this ISiloBuilder silo, GridHostOptions options)
    {
        if (options.Clustering == ClusteringKind.Localhost)
        {
            silo.UseLocalhostClustering(options.Silo.SiloPort, options.Silo.GatewayPort, serviceId: options.ClusterId, clusterId: options.ClusterId);
            return;
        }
        silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ClusterId));
        silo.ConfigureEndpoints(options.Silo.ResolveAdvertisedIP(), options.Silo.SiloPort, options.Silo.GatewayPort, listenOnAnyHostAddress: true);
        if (options.Clustering == ClusteringKind.Postgres)
            silo.UseAdoNetClustering(postgres => (postgres.Invariant, postgres.ConnectionString) = (Npgsql, options.Postgres));
        else
            silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
    }

    /// <summary>The ADO.NET provider name Orleans loads Npgsql by.</summary>
    private const string Npgsql = "Npgsql";

    /// <summary>A database for Postgres clustering or storage gets Orleans' tables before anything uses them.</summary>
    private static void UsePostgresSchema(this ISiloBuilder silo, GridHostOptions options)
    {
        if (options.Clustering == ClusteringKind.Postgres || options.Storage == StorageKind.Postgres)
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new OrleansPostgresSchema(options.Postgres, services.GetRequiredService<ILogger<OrleansPostgresSchema>>()));
    }

    private static void AddGridStorage(this ISiloBuilder silo, GridHostOptions options, string name)
    {
        // Memory holds objects, never bytes that could fail to read; the stored kinds get the guard against unreadable states.
        if (options.Storage == StorageKind.Memory)
        {
            silo.AddMemoryGrainStorage(name);
        }
        else if (options.Storage == StorageKind.Redis)
        {
            silo.AddRedisGrainStorage(name, redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
            silo.Services.TryAddSingleton(_ => new RedisStateSetAside(options.Redis, options.ClusterId));
            silo.Services.DecorateGrainStorage(name, (services, inner) => Guarded(services, name, inner, services.GetRequiredService<RedisStateSetAside>()));
        }
        else if (options.Storage == StorageKind.Postgres)
        {
            silo.AddAdoNetGrainStorage(name, postgres => (postgres.Invariant, postgres.ConnectionString) = (Npgsql, options.Postgres));
            silo.Services.TryAddSingleton(_ => new PostgresStateSetAside(options.Postgres, options.ClusterId));
            silo.Services.DecorateGrainStorage(name, (services, inner) => Guarded(services, name, inner, services.GetRequiredService<PostgresStateSetAside>()));
        }
        else
        {
            silo.AddSqliteGrainStorage(name, options.Sqlite.Path);
            silo.Services.DecorateGrainStorage(name, (services, inner) => Guarded(services, name, inner, (IStateSetAside)inner));
        }
    }

    /// <summary>
    /// Feeds poll on reminders: kept where grain state is with PostgreSQL and Redis; in memory for one node, where the
    /// feed sweep registers them again at start.
    /// </summary>
    private static void UseGridReminders(this ISiloBuilder silo, GridHostOptions options)
    {
        if (options.Storage == StorageKind.Postgres)
            silo.UseAdoNetReminderService(postgres => (postgres.Invariant, postgres.ConnectionString) = (Npgsql, options.Postgres));
        else if (options.Storage == StorageKind.Redis)
            silo.UseRedisReminderService(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
        else
            silo.UseInMemoryReminderService();
    }

    private static UnreadableStateGuard Guarded(IServiceProvider services, string name, IGrainStorage inner, IStateSetAside setAside) =>
        new(name, inner, setAside, services.GetRequiredService<IActivatorProvider>(), services.GetRequiredService<ILogger<UnreadableStateGuard>>());
}
