using Grid.Abstractions;
using Grid.Silo;
using Grid.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Cluster.Tests.Hosting;

/// <summary>
/// <c>Grid:Storage</c> and <c>Grid:Clustering</c> are enums read in any case; a value that names no member stops the
/// silo as it is built, with a sentence that names the key and the allowed values, before anything starts.
/// </summary>
public sealed class GridHostOptionsTests
{
    [Fact]
    public void StorageAndClusteringAreReadInAnyCase()
    {
        var options = GridHostOptions.Read(Configuration(("Grid:Storage", "memory"), ("Grid:Clustering", "LOCALHOST")));

        Assert.Equal((StorageKind.Memory, ClusteringKind.Localhost), (options.Storage, options.Clustering));
    }

    [Theory]
    [InlineData("Grid:Storage", "Disk", "Grid:Storage 'Disk' is not one of Sqlite, Redis, Postgres, Memory.")]
    [InlineData("Grid:Storage", "2", "Grid:Storage '2' is not one of Sqlite, Redis, Postgres, Memory.")]
    [InlineData("Grid:Clustering", "Consul", "Grid:Clustering 'Consul' is not one of Localhost, Redis, Postgres.")]
    public void AValueThatNamesNoMemberStopsTheSiloAsItIsBuiltNamingTheKeyAndTheChoices(string key, string value, string expected)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => GridSiloApp.Build([$"--{key}={value}"]));

        Assert.StartsWith("Invalid Grid configuration", refused.Message);
        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public void TheSilosOptionsAreBoundForWhoeverAsksAndCheckedByTheSameValidator()
    {
        using var app = GridSiloApp.Build(["--Grid:Storage=Memory", "--Grid:ClusterId=options-test"]);

        var options = app.Services.GetRequiredService<IOptions<GridHostOptions>>().Value;
        var validator = Assert.Single(app.Services.GetServices<IValidateOptions<GridHostOptions>>());

        Assert.Equal((StorageKind.Memory, "options-test"), (options.Storage, options.ClusterId));
        Assert.IsType<GridHostOptionsValidator>(validator);
        Assert.Contains("Grid:ClusterId is empty.", validator.Validate(null, new GridHostOptions { ClusterId = " " }).Failures!);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
}
