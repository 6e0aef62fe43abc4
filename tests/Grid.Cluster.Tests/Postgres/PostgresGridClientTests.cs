using Grid.Abstractions.Articles;
using Grid.Client;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>An application's <see cref="IGridClient"/> finds the gateways of a Postgres-clustered cluster in its membership table, with the silo's own keys.</summary>
public sealed class PostgresGridClientTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task AClientWithTheSilosPostgresKeysFindsTheirGatewayAndAnArticleCompletesThroughIt()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var database = await postgres.CreateDatabaseAsync("client_gateways");
        var clusterId = $"grid-client-{Guid.NewGuid():N}"[..24];
        var settings = GridSettings.For(emulator.BaseAddress);
        settings["Grid:Storage"] = "Postgres";
        settings["Grid:Clustering"] = "Postgres";
        settings["Grid:Postgres"] = database;
        settings["Grid:ClusterId"] = clusterId;
        await using var silo = await GridSiloHost.StartAsync(settings);

        // No gateway port: the only way to the silo is its row in the membership table.
        using var client = ClientOf(database, clusterId, TimeSpan.FromSeconds(20));
        await client.StartAsync();
        var grid = client.Services.GetRequiredService<IGridClient>();
        var article = GeneratedArticle.FromSeed(1801, paragraphs: 2);

        var receipt = await grid.SubmitAsync(new ArticleSubmission(article.Body, article.Title));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var finished = await grid.WaitAsync(receipt.Id!, cancellationToken: deadline.Token);

        Assert.Equal(ArticleStatus.Completed, finished.Status);
        Assert.Equal(article.Paragraphs, finished.Paragraphs.Select(paragraph => paragraph.Ar));
        await client.StopAsync();
    }

    [Fact]
    public async Task AClientOfAClusterWithNoSiloInTheTableFailsSayingWhereItLookedAndNotThePassword()
    {
        var database = await postgres.CreateDatabaseAsync("client_no_silo");
        using var client = ClientOf(database, "grid-nobody-here", TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<GridUnavailableException>(() => client.StartAsync());

        Assert.Contains("in cluster 'grid-nobody-here' registered in PostgreSQL at 127.0.0.1:", error.Message);
        Assert.DoesNotContain(PostgresServerFixture.Password, error.Message);
    }

    [Fact]
    public void PostgresClusteringWithoutAConnectionStringIsRefusedAtSetupNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Grid:Clustering", "Postgres")]).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGridClient(configuration));

        Assert.Contains("Grid:Postgres is empty", refused.Message);
    }

    private static IHost ClientOf(string database, string clusterId, TimeSpan connectTimeout)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(
        [
            new("Grid:Clustering", "Postgres"),
            new("Grid:Postgres", database),
            new("Grid:ClusterId", clusterId),
            new("Grid:Client:ConnectTimeout", connectTimeout.ToString()),
        ]);
        builder.Services.AddGridClient(builder.Configuration);
        return builder.Build();
    }
}
