using Npgsql;

namespace Grid.Silo.Hosting.Postgres;

/// <summary>
/// Brings a PostgreSQL database to Grid's schema for Orleans' ADO.NET providers, first thing as a silo starts: a database
/// that cannot be reached, refuses the login or holds a foreign schema stops the silo with a sentence saying which.
/// Each script runs once per database, recorded in <c>grid_schema_scripts</c>. Everything happens in one transaction
/// under an advisory lock: silos starting together take turns, and a silo killed half-way leaves nothing half-made.
/// </summary>
public sealed partial class OrleansPostgresSchema(string connectionString, ILogger<OrleansPostgresSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Any fixed number shared by every silo: the advisory lock that serializes installs across them.</summary>
    private const long InstallLock = 0x6772_6964_7367; // "gridsg"

    /// <summary>A database still starting (compose's health check can race a silo) gets this long to answer.</summary>
    private static readonly TimeSpan ReachBudget = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansPostgresSchema), ServiceLifecycleStage.First, ApplyAsync);

    /// <summary>Applies the scripts this database has not had yet; returns their names.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + ReachBudget;
        while (true)
        {
            try
            {
                var applied = await ApplyOnceAsync(cancellationToken);
                LogReady(PostgresConnectionString.Describe(connectionString), applied.Count == 0 ? "none" : string.Join(", ", applied));
                return applied;
            }
            catch (NpgsqlException error) when (error.IsTransient && DateTimeOffset.UtcNow + RetryPause < deadline && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(PostgresConnectionString.Describe(connectionString), error.Message);
                await Task.Delay(RetryPause, cancellationToken);
            }
            catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateFunction or PostgresErrorCodes.DuplicateObject)
            {
                throw new InvalidOperationException(
                    $"Grid:Postgres: {PostgresConnectionString.Describe(connectionString)} already holds Orleans tables that Grid did not install " +
                    $"({error.MessageText}). Point Grid:Postgres at an empty database, or at one a Grid silo set up (it records its scripts in grid_schema_scripts).", error);
            }
            catch (NpgsqlException error)
            {
                throw new InvalidOperationException(
                    $"Grid:Postgres: could not prepare {PostgresConnectionString.Describe(connectionString)}: {error.Message}. " +
                    "Check the connection string (host, port, database, user and password) and that the server is running.", error);
            }
        }
    }

    private async Task<List<string>> ApplyOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({InstallLock})", cancellationToken);
        await ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS grid_schema_scripts (name text PRIMARY KEY, sha256 text NOT NULL, appliedon timestamptz NOT NULL DEFAULT now())",
            cancellationToken);
        var recorded = await RecordedAsync(connection, cancellationToken);
        var applied = new List<string>();
        foreach (var script in OrleansPostgresScripts.All)
        {
            if (recorded.TryGetValue(script.Name, out var sha256))
            {
                if (sha256 != script.Sha256)
                    LogChanged(script.Name);
                continue;
            }
            await ExecuteAsync(connection, script.Text, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO grid_schema_scripts (name, sha256) VALUES ($1, $2)", connection);
            record.Parameters.Add(new() { Value = script.Name });
            record.Parameters.Add(new() { Value = script.Sha256 });
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(script.Name);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task<Dictionary<string, string>> RecordedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var read = new NpgsqlCommand("SELECT name, sha256 FROM grid_schema_scripts", connection);
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
            recorded[rows.GetString(0)] = rows.GetString(1);
        return recorded;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Database} is ready for Orleans; scripts applied now: {Applied}")]
    private partial void LogReady(string database, string applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Database} did not answer yet ({Error}); trying again")]
    private partial void LogRetrying(string database, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schema script {Script} differs from the one this database was set up with; it is not applied again (a schema change comes as a new script), so this database keeps its first version")]
    private partial void LogChanged(string script);
}
