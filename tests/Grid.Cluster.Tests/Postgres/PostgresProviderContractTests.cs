using System.Net;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>
/// Grid's own SQL behind Orleans' ADO.NET providers keeps the promises the providers rely on: a change based on an
/// old reading (membership version, state ETag, reminder ETag) is refused and changes nothing.
/// </summary>
public sealed class PostgresProviderContractTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() => _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task MembershipChangesOnlyFromTheCurrentTableVersionAndRaisesItByOne()
    {
        var database = await postgres.CreateDatabaseAsync("membership_contract");
        await new OrleansPostgresSchema(database, NullLogger<OrleansPostgresSchema>.Instance).ApplyAsync(CancellationToken.None);
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = "contract", ServiceId = "contract" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = database }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        var first = Silo("first", 11111);
        var second = Silo("second", 11112);

        Assert.True(await table.InsertRowAsync(first, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(second, empty.Version.Next()));
        var one = await table.ReadAllAsync();
        Assert.Equal(empty.Version.Version + 1, one.Version.Version);
        Assert.False(await table.InsertRowAsync(first, one.Version.Next()));
        Assert.Equal(one.Version.Version, (await table.ReadAllAsync()).Version.Version);

        first.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(first, one.Members[0].Item2, one.Version.Next()));
        first.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(first, one.Members[0].Item2, one.Version.Next()));
        Assert.False(await table.UpdateRowAsync(second, "", (await table.ReadAllAsync()).Version.Next()));

        var now = await table.ReadAllAsync();
        Assert.Equal(one.Version.Version + 1, now.Version.Version);
        var (row, _) = Assert.Single(now.Members);
        Assert.Equal((first.SiloAddress, SiloStatus.Active, "first"), (row.SiloAddress, row.Status, row.SiloName));
        Assert.Equal(SiloStatus.Active, (await table.ReadRowAsync(first.SiloAddress)).Members.Single().Item1.Status);
        Assert.Empty((await table.ReadRowAsync(second.SiloAddress)).Members);
    }

    [Fact]
    public async Task GrainStateIsWrittenOnlyFromTheVersionLastSeenAndAClearedStateKeepsItsVersion()
    {
        await using var silo = await StartSiloAsync("state_contract");
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(Grid.Grains.GridStorage.Translations);
        var grain = GrainId.Create("contract", "one");
        var mine = new GrainState<List<string>>(["first"]);

        await storage.WriteStateAsync("contract", grain, mine);
        Assert.Equal("1", mine.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("contract", grain, new GrainState<List<string>>(["rival"])));
        mine.State = ["second"];
        await storage.WriteStateAsync("contract", grain, mine);
        Assert.Equal("2", mine.ETag);
        var stale = new GrainState<List<string>>(["stale"]) { ETag = "1" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("contract", grain, stale));

        var read = new GrainState<List<string>>([]);
        await storage.ReadStateAsync("contract", grain, read);
        Assert.Equal(["second"], read.State);
        Assert.Equal(("2", true), (read.ETag, read.RecordExists));

        await storage.ClearStateAsync("contract", grain, mine);
        await storage.ReadStateAsync("contract", grain, read);
        Assert.Equal(("3", false), (read.ETag, read.RecordExists));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("contract", grain, stale));
        read.State = ["after clear"];
        await storage.WriteStateAsync("contract", grain, read);
        Assert.Equal("4", read.ETag);
    }

    [Fact]
    public async Task RemindersAreReadByRingRangeAndRemovedOnlyWithTheirCurrentETag()
    {
        await using var silo = await StartSiloAsync("reminder_contract");
        var reminders = silo.Services.GetRequiredService<IReminderTable>();
        var one = Reminder("one");
        var two = Reminder("two");
        Assert.Equal("0", await reminders.UpsertRow(one));
        Assert.Equal("1", await reminders.UpsertRow(one));
        await reminders.UpsertRow(two);

        Assert.False(await reminders.RemoveRow(one.GrainId, one.ReminderName, "0"));
        var hash = one.GrainId.GetUniformHashCode();
        Assert.Contains((await reminders.ReadRows(hash - 1, hash)).Reminders, entry => entry.GrainId == one.GrainId);
        var wrapped = (await reminders.ReadRows(hash, hash - 1)).Reminders;
        Assert.DoesNotContain(wrapped, entry => entry.GrainId == one.GrainId);
        Assert.Contains(wrapped, entry => entry.GrainId == two.GrainId);

        Assert.True(await reminders.RemoveRow(one.GrainId, one.ReminderName, "1"));
        Assert.Null(await reminders.ReadRow(one.GrainId, one.ReminderName));
        Assert.Single((await reminders.ReadRows(two.GrainId)).Reminders);
    }

    private static MembershipEntry Silo(string name, int port) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = name,
        HostName = "contract-host",
        Status = SiloStatus.Joining,
        ProxyPort = port + 1000,
        StartTime = DateTime.UtcNow,
        IAmAliveTime = DateTime.UtcNow,
    };

    private static ReminderEntry Reminder(string grain) => new()
    {
        GrainId = GrainId.Create("contract", grain),
        ReminderName = "poll",
        StartAt = DateTime.UtcNow.AddHours(1),
        Period = TimeSpan.FromMinutes(15),
    };

    private async Task<GridSiloHost> StartSiloAsync(string databaseName)
    {
        var settings = GridSettings.For(_emulator.BaseAddress);
        settings["Grid:Storage"] = "Postgres";
        settings["Grid:Postgres"] = await postgres.CreateDatabaseAsync(databaseName);
        settings["Grid:ClusterId"] = $"grid-contract-{Guid.NewGuid():N}"[..26];
        return await GridSiloHost.StartAsync(settings);
    }
}
