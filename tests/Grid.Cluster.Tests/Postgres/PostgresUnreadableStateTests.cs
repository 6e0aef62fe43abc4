using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Telemetry;
using Grid.Grains.Text;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>An article row in PostgreSQL that no longer reads costs that state, not the grain: moved aside with its bytes, logged, counted.</summary>
public sealed class PostgresUnreadableStateTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private static readonly byte[] Garbage = "{ this is not a grain state"u8.ToArray();

    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() => _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AnUnreadableArticleRowIsMovedAsideWithItsBytesLoggedAndCountedAndTheArticleCanBeSubmittedAgain()
    {
        var database = await postgres.CreateDatabaseAsync("unreadable");
        var settings = GridSettings.For(_emulator.BaseAddress);
        settings["Grid:Storage"] = "Postgres";
        settings["Grid:Postgres"] = database;
        settings["Grid:ClusterId"] = $"grid-unreadable-{Guid.NewGuid():N}"[..28];
        var article = GeneratedArticle.FromSeed(1812);
        var id = ContentHash.Of(article.Text);
        await using (var first = await GridSiloHost.StartAsync(settings))
        {
            using var http = first.CreateClient();
            using var accepted = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });
            Assert.Equal("completed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());
        }
        // The database holds this one article: its row is the one with the article's state name (Orleans keeps the key as numbers).
        const string ArticleRow = "serviceid = @service AND graintypestring = 'article'";
        Assert.Equal(1, await ExecuteAsync(database, $"UPDATE orleansstorage SET payloadbinary = @garbage WHERE {ArticleRow}", settings["Grid:ClusterId"]!, id));

        var logs = new CapturedLogs();
        using var meters = new GridMeterReader();
        await using var second = await GridSiloHost.StartAsync(settings, builder => builder.Logging.AddProvider(logs));
        using var client = second.CreateClient();
        using (var lost = await client.GetAsync($"/api/articles/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);

        Assert.Equal(0, await ExecuteAsync(database, $"SELECT 1 FROM orleansstorage WHERE {ArticleRow}", settings["Grid:ClusterId"]!, id));
        Assert.Equal(Garbage, await SetAsideBytesAsync(database, id));
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("grid_unreadable_states") && line.Message.Contains("could not be read and was set aside"));
        Assert.Equal(1, meters.Total("grid.storage.unreadable|grid.storage.state=article"));

        using var again = await client.PostAsJsonAsync("/api/articles", new { text = article.Text });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonObject>())!["alreadyKnown"]!.GetValue<bool>());
        var redone = await client.WaitUntilFinishedAsync(id);
        Assert.Equal("completed", redone["status"]!.GetValue<string>());
        Assert.Contains(redone["warnings"]!.AsArray(), warning => warning!.GetValue<string>().StartsWith("An earlier stored state of this article could not be read"));
    }

    /// <returns>Rows changed or, for a SELECT, rows returned.</returns>
    private static async Task<int> ExecuteAsync(string connectionString, string sql, string service, string id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("service", service);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("garbage", Garbage);
        if (!sql.StartsWith("SELECT", StringComparison.Ordinal))
            return await command.ExecuteNonQueryAsync();
        await using var rows = await command.ExecuteReaderAsync();
        var count = 0;
        while (await rows.ReadAsync())
            count++;
        return count;
    }

    private static async Task<byte[]?> SetAsideBytesAsync(string connectionString, string id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payloadbinary FROM grid_unreadable_states WHERE graintypestring = 'article' AND grainid LIKE '%' || @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (byte[]?)await command.ExecuteScalarAsync();
    }
}
