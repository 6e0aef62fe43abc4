using Grid.Grains.Archive;
using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Grid.Benchmarks.Scenarios;

/// <summary>Where the <c>archive</c> benchmark keeps its index: made empty for the run, measured, and removed after it.</summary>
public abstract class ArchiveStore : IAsyncDisposable
{
    public abstract string Name { get; }

    public abstract Task<IArticleIndex> OpenAsync();

    /// <summary>What the index takes on disk, once its writes are in.</summary>
    public abstract Task<long> MeasureBytesAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary><c>sqlite</c> (a file in a temporary folder), or <c>postgres</c> with a superuser's connection string to a server to make a database in.</summary>
    public static ArchiveStore For(string name, string? connectionString) => name switch
    {
        "sqlite" => new Sqlite(),
        "postgres" when !string.IsNullOrWhiteSpace(connectionString) => new Postgres(connectionString),
        "postgres" => throw new ArgumentException("archive on postgres needs a connection string to a server where it may create a database: archive 100000 postgres \"Host=…;Username=…;Password=…\"."),
        _ => throw new ArgumentException($"Unknown archive store '{name}': sqlite or postgres."),
    };

    private sealed class Sqlite : ArchiveStore
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("grid-archive-bench-").FullName;
        private SqliteArticleIndex? _index;

        public override string Name => "sqlite";

        public override Task<IArticleIndex> OpenAsync() =>
            Task.FromResult<IArticleIndex>(_index = new SqliteArticleIndex(Path.Combine(_folder, "grid.archive.db"), "bench", NullLogger<SqliteArticleIndex>.Instance));

        public override async Task<long> MeasureBytesAsync()
        {
            // Closed first, so the write-ahead log is folded into the file.
            await _index!.DisposeAsync();
            _index = null;
            return Directory.GetFiles(_folder).Sum(file => new FileInfo(file).Length);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_index is not null)
                await _index.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class Postgres(string adminConnectionString) : ArchiveStore
    {
        private readonly string _database = $"grid_archive_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        private PostgresArticleIndex? _index;

        public override string Name => "postgres";

        private string ConnectionString => new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = _database }.ConnectionString;

        public override async Task<IArticleIndex> OpenAsync()
        {
            await AdminAsync($"CREATE DATABASE \"{_database}\"");
            // The silo's own schema scripts, as a silo applies them at start.
            await new OrleansPostgresSchema(ConnectionString, NullLogger<OrleansPostgresSchema>.Instance).ApplyAsync(CancellationToken.None);
            return _index = new PostgresArticleIndex(ConnectionString, "bench", NullLogger<PostgresArticleIndex>.Instance);
        }

        public override async Task<long> MeasureBytesAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            // Rows, TOAST and every index of the index's tables, after a VACUUM has settled what the upserts left behind.
            await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE grid_article_index", connection))
                await vacuum.ExecuteNonQueryAsync();
            await using var size = new NpgsqlCommand(
                "SELECT pg_total_relation_size('grid_article_index') + pg_total_relation_size('grid_article_index_removed')", connection);
            return (long)(await size.ExecuteScalarAsync())!;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_index is not null)
                await _index.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }

        private async Task AdminAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
