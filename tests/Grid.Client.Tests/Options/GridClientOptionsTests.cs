using Grid.Abstractions;
using Grid.Client.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Client.Tests.Options;

/// <summary>The client's options are bound from configuration and checked by a validator, as the silo's are: a wrong key is a sentence that names it.</summary>
public sealed class GridClientOptionsTests
{
    [Fact]
    public void TheClientsKeysAreBoundWithClusteringInAnyCase()
    {
        var options = GridClientOptions.Read(Configuration(
            ("Grid:Clustering", "redis"), ("Grid:Redis", "cache:6380"), ("Grid:ClusterId", "newsroom"), ("Grid:Silo:GatewayPort", "30100"),
            ("Grid:Client:ConnectTimeout", "00:00:03"), ("Grid:Client:Owner", "imports"), ("Grid:Client:PollInterval", "00:00:02")));

        Assert.Equal((ClusteringKind.Redis, "cache:6380", "newsroom", 30100), (options.Clustering, options.Redis, options.ClusterId, options.GatewayPort));
        Assert.Equal((TimeSpan.FromSeconds(3), "imports", TimeSpan.FromSeconds(2)), (options.ConnectTimeout, options.Owner, options.PollInterval));
    }

    [Theory]
    [InlineData("Grid:Clustering", "Consul", "Grid:Clustering 'Consul' is not one of Localhost, Redis, Postgres.")]
    [InlineData("Grid:Clustering", "1", "Grid:Clustering '1' is not one of Localhost, Redis, Postgres.")]
    [InlineData("Grid:Clustering", "Postgres", "Grid:Clustering is Postgres but Grid:Postgres is empty")]
    [InlineData("Grid:Client:ConnectTimeout", "00:00:00", "Grid:Client:ConnectTimeout must be above zero")]
    [InlineData("Grid:Silo:GatewayPort", "70000", "Grid:Silo:GatewayPort is 70000")]
    public void AWrongKeyIsRefusedAsTheClientIsAddedNamingTheKey(string key, string value, string expected)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGridClient(Configuration((key, value))));

        Assert.StartsWith("Invalid Grid client configuration", refused.Message);
        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public void TheBoundOptionsAreTheOnesWhoeverAsksGetsCheckedByTheSameValidator()
    {
        using var services = new ServiceCollection().AddGridClient(Configuration(("Grid:Client:Owner", "imports"))).BuildServiceProvider();

        Assert.Equal("imports", services.GetRequiredService<IOptions<GridClientOptions>>().Value.Owner);
        Assert.IsType<GridClientOptionsValidator>(Assert.Single(services.GetServices<IValidateOptions<GridClientOptions>>()));
    }

    [Fact]
    public void AnHttpClientWithARelativeAddressIsRefusedByItsValidator()
    {
        using var services = new ServiceCollection().AddGridHttpClient(options => options.BaseAddress = new Uri("grid.local/api", UriKind.Relative)).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GridHttpClientOptions>>().Value);

        Assert.Contains("The Grid URL must be an absolute http:// or https:// address.", refused.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
}
