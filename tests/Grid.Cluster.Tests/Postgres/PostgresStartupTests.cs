using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>A silo told to use PostgreSQL it cannot use stops as it starts, and says why in words an operator can act on.</summary>
public sealed class PostgresStartupTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() => _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AWrongPasswordStopsTheSiloAtStartNamingTheServerAndNotThePassword()
    {
        var database = await postgres.CreateDatabaseAsync("wrong_password");
        var wrong = database.Replace(PostgresServerFixture.Password, "not-the-password-4711");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(wrong));

        var message = Flatten(refused);
        Assert.Contains("Grid:Postgres", message);
        Assert.Contains($"127.0.0.1:{postgres.Port}", message);
        Assert.Contains("password authentication failed", message);
        Assert.DoesNotContain("not-the-password-4711", message);
    }

    [Fact]
    public async Task AMissingDatabaseStopsTheSiloAtStartSayingSo()
    {
        var missing = postgres.ConnectionStringFor("no_such_database");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(missing));

        Assert.Contains("database \"no_such_database\" does not exist", Flatten(refused));
    }

    [Theory]
    [InlineData("", "Grid:Postgres is empty")]
    [InlineData("Hots=localhost;Database=grid", "Grid:Postgres is not an Npgsql connection string")]
    [InlineData("Database=grid;Username=grid", "Grid:Postgres names no Host")]
    public async Task AConnectionStringNpgsqlCannotReadIsRefusedBeforeAnythingStarts(string connectionString, string expected)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(connectionString));

        Assert.StartsWith("Invalid Grid configuration", refused.Message);
        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public async Task ASqliteFileIsRefusedAsTheStoreOfAPostgresClusteredCluster()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(postgres.ConnectionStringFor("postgres"), storage: "Sqlite"));

        Assert.Contains("Grid:Storage 'Sqlite' is a file on one machine and cannot back a Postgres-clustered cluster: use Grid:Storage=Postgres.", refused.Message);
    }

    private async Task StartAsync(string connectionString, string storage = "Postgres")
    {
        var settings = GridSettings.For(_emulator.BaseAddress);
        settings["Grid:Storage"] = storage;
        settings["Grid:Clustering"] = "Postgres";
        settings["Grid:Postgres"] = connectionString;
        settings["Grid:ClusterId"] = $"grid-refused-{Guid.NewGuid():N}"[..24];
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var silo = await GridSiloHost.StartAsync(settings).WaitAsync(bounded.Token);
        await silo.DisposeAsync();
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join("\n", aggregate.InnerExceptions.Select(Flatten)) : error.Message + (error.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
