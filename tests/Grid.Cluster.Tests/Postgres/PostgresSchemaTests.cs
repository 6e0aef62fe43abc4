using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>Grid's schema scripts are applied at start: once per database, whoever starts first, however often silos start.</summary>
public sealed class PostgresSchemaTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly string[] OrleansTables = ["orleansquery", "orleansmembershiptable", "orleansmembershipversiontable", "orleansstorage", "orleansreminderstable"];

    [Fact]
    public async Task ThreeSilosPreparingOneEmptyDatabaseAtOnceApplyEachScriptExactlyOnce()
    {
        var database = await postgres.CreateDatabaseAsync("schema_race");

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Schema(database).ApplyAsync(CancellationToken.None)));

        var applied = runs.SelectMany(names => names).ToList();
        Assert.Equal(OrleansPostgresScripts.All.Select(script => script.Name).Order(), applied.Order());
        Assert.Single(runs, names => names.Count > 0);
        Assert.Equal(OrleansTables.Order(), (await TablesAsync(database)).Intersect(OrleansTables).Order());
        Assert.True(await CountAsync(database, "SELECT count(*) FROM orleansquery") >= 15, "the providers' queries are not in OrleansQuery");
    }

    [Fact]
    public async Task ApplyingTheScriptsAgainChangesNothingAndKeepsTheData()
    {
        var database = await postgres.CreateDatabaseAsync("schema_twice");
        Assert.Equal(OrleansPostgresScripts.All.Count, (await Schema(database).ApplyAsync(CancellationToken.None)).Count);
        await ExecuteAsync(database, "INSERT INTO orleansmembershipversiontable (deploymentid) VALUES ('kept')");
        var queries = await CountAsync(database, "SELECT count(*) FROM orleansquery");

        var second = await Schema(database).ApplyAsync(CancellationToken.None);

        Assert.Empty(second);
        Assert.Equal(queries, await CountAsync(database, "SELECT count(*) FROM orleansquery"));
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM orleansmembershipversiontable WHERE deploymentid = 'kept'"));
        Assert.Equal(OrleansPostgresScripts.All.Count, await CountAsync(database, "SELECT count(*) FROM grid_schema_scripts"));
    }

    [Fact]
    public async Task ADatabaseWithOrleansTablesGridDidNotInstallIsRefusedWithoutChangingIt()
    {
        var database = await postgres.CreateDatabaseAsync("schema_foreign");
        await ExecuteAsync(database, "CREATE TABLE OrleansQuery (QueryKey varchar(64) PRIMARY KEY, QueryText varchar(8000) NOT NULL)");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Schema(database).ApplyAsync(CancellationToken.None));

        Assert.Contains("already holds Orleans tables that Grid did not install", refused.Message);
        Assert.Equal(["orleansquery"], await TablesAsync(database));
    }

    private static OrleansPostgresSchema Schema(string connectionString) => new(connectionString, NullLogger<OrleansPostgresSchema>.Instance);

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", connection);
        await using var rows = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await rows.ReadAsync())
            tables.Add(rows.GetString(0));
        return tables;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
