using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>With Grid:Storage=Postgres, Orleans reminders are kept in the same database, so they outlive every silo.</summary>
public sealed class PostgresRemindersTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() => _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AReminderWrittenByOneSiloIsReadByTheNextFromPostgres()
    {
        var database = await postgres.CreateDatabaseAsync("reminders");
        var settings = GridSettings.For(_emulator.BaseAddress);
        settings["Grid:Storage"] = "Postgres";
        settings["Grid:Postgres"] = database;
        settings["Grid:ClusterId"] = $"grid-reminders-{Guid.NewGuid():N}"[..26];
        var reminder = new ReminderEntry
        {
            GrainId = GrainId.Create("feed", "reminder-test"),
            ReminderName = "poll",
            StartAt = DateTime.UtcNow.AddHours(1),
            Period = TimeSpan.FromMinutes(15),
        };
        await using (var first = await GridSiloHost.StartAsync(settings))
            Assert.NotNull(await first.Services.GetRequiredService<IReminderTable>().UpsertRow(reminder));

        await using var second = await GridSiloHost.StartAsync(settings);
        var read = await second.Services.GetRequiredService<IReminderTable>().ReadRow(reminder.GrainId, reminder.ReminderName);

        Assert.NotNull(read);
        Assert.Equal(reminder.Period, read.Period);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var stored = new NpgsqlCommand("SELECT count(*) FROM orleansreminderstable WHERE remindername = 'poll'", connection);
        Assert.Equal(1L, await stored.ExecuteScalarAsync());
    }
}
