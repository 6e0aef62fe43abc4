using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Grid.Cluster.Tests.Deployment;

/// <summary>docker-compose.yml runs Grid as the README says; no Docker engine runs here, so the file itself is checked.</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Services = (YamlMappingNode)Load()["services"];

    [Fact]
    public void OllamaKeepsItsModelsInAVolumeAndReportsItsHealth()
    {
        var ollama = Service("ollama");
        Assert.StartsWith("ollama/ollama", Scalar(ollama, "image"));
        Assert.Contains(((YamlSequenceNode)ollama["volumes"]).Children, volume => volume.ToString().EndsWith(":/root/.ollama"));
        Assert.True(ollama.Children.ContainsKey("healthcheck"));
    }

    [Fact]
    public void TheModelIsPulledOnceOllamaIsHealthyAndBeforeAnySiloStarts()
    {
        var pull = Service("ollama-pull");
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)((YamlMappingNode)pull["depends_on"])["ollama"], "condition"));
        Assert.Contains("pull", ((YamlSequenceNode)pull["entrypoint"]).Children.Select(node => node.ToString()));
        var siloDependsOn = (YamlMappingNode)Service("silo")["depends_on"];
        Assert.Equal("service_completed_successfully", Scalar((YamlMappingNode)siloDependsOn["ollama-pull"], "condition"));
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)siloDependsOn["redis"], "condition"));
    }

    [Fact]
    public void RedisAppendsToItsLogAndReportsItsHealth()
    {
        var redis = Service("redis");
        Assert.Contains("--appendonly", ((YamlSequenceNode)redis["command"]).Children.Select(node => node.ToString()));
        Assert.True(redis.Children.ContainsKey("healthcheck"));
    }

    [Fact]
    public void TheSiloIsBuiltFromItsDockerfileAndClusteredOnRedisSoItScales()
    {
        var silo = Service("silo");
        var dockerfile = Scalar((YamlMappingNode)silo["build"], "dockerfile");
        Assert.True(File.Exists(RepositoryFiles.PathOf(dockerfile)), dockerfile);
        var environment = Environment(silo);
        Assert.Equal("Redis", environment["Grid:Clustering"]);
        Assert.Equal("Redis", environment["Grid:Storage"]);
        Assert.Equal("auto", environment["Grid:Silo:AdvertisedIP"]);
        // Without keys the API serves only its own machine, which in a container reaches no one.
        Assert.True(environment.ContainsKey("Grid:Api:Keys:0") || environment.GetValueOrDefault("Grid:Api:AllowAnonymousRemote") == "true",
            "the published HTTP port must be reachable: give Grid__Api__Keys__0 or Grid__Api__AllowAnonymousRemote");
        Assert.DoesNotContain("container_name", silo.Children.Keys.Select(key => key.ToString()));
    }

    [Fact]
    public void EveryGridKeyTheSiloIsGivenIsOneTheSiloReads()
    {
        var unknown = Environment(Service("silo")).Keys
            .Where(key => !key.StartsWith("OTEL_", StringComparison.Ordinal))
            .Where(key => !SiloConfigurationKeys.All.Contains(SiloConfigurationKeys.PatternOf(key)))
            .ToList();
        Assert.True(unknown.Count == 0, $"keys the silo does not read: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void DockerComposeAcceptsTheFileWhereItIsInstalled()
    {
        var start = new ProcessStartInfo("docker-compose", "config --quiet") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardError = true };
        Process? compose;
        try
        {
            compose = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // .ci/run installs Debian's docker-compose; a developer machine without it checks the rest only.
            return;
        }
        compose!.WaitForExit(TimeSpan.FromMinutes(1));
        Assert.True(compose.ExitCode == 0, compose.StandardError.ReadToEnd());
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(RepositoryFiles.PathOf("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    /// <summary>The service's environment as configuration keys: <c>Grid__Llm__Model</c> is <c>Grid:Llm:Model</c>.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(
            pair => pair.Key.ToString().Replace("__", ":"), pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
