using Grid.Client.Http;
using YamlDotNet.RepresentationModel;

namespace Grid.Cluster.Tests.Deployment;

/// <summary>The README's way to reach the compose file's silo with <c>grid</c> is the way the file publishes it.</summary>
public sealed class ComposeReachedByCliTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

    [Fact]
    public void TheComposeSiloPublishesItsHttpPortOnTheUrlGridUsesByDefault()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(RepositoryFiles.PathOf("docker-compose.yml")))
            yaml.Load(reader);
        var silo = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"])["silo"];
        var environment = (YamlMappingNode)silo["environment"];
        var listens = new Uri(environment["Urls"].ToString().Replace("+", "localhost"));
        // "[address:]host-ports:container-port": the host ports are the next to last part, whatever the address.
        var ports = ((YamlSequenceNode)silo["ports"]).Children.Select(port => port.ToString()).ToList();
        var @default = new Uri(GridHttpClientOptions.DefaultUrl);

        Assert.Contains(ports, port => port.EndsWith($":{listens.Port}") && port.Split(':')[^2].Split('-')[0] == @default.Port.ToString());
        Assert.DoesNotContain(ports, port => port.EndsWith(":30000"));
        Assert.Contains($"`{GridHttpClientOptions.DefaultUrl}`", Readme);
        Assert.Contains("`docker compose up` publishes its first silo's HTTP API on `localhost:5080`", Readme);
    }

    [Fact]
    public void TheReadmeInstallsGridFromALocalPackAndEveryExampleUsesIt()
    {
        Assert.Contains("dotnet pack client/Grid.Cli -o artifacts/nupkg", Readme);
        Assert.Contains("dotnet tool install --global Grid.Cli --add-source artifacts/nupkg", Readme);
        Assert.DoesNotContain("dotnet run --project client/Grid.Cli", Readme);
        Assert.Contains("grid submit ", Readme);
    }
}
