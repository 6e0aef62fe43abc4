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
        // Without keys the API serves only its own machine, which in a container reaches no one; anonymous callers are not let in.
        Assert.StartsWith("${GRID_API_KEY:?", environment["Grid:Api:Keys:0"]);
        Assert.False(environment.ContainsKey("Grid:Api:AllowAnonymousRemote"));
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
    public void EveryPublishedPortIsOnLoopbackUnlessTheOperatorOpensIt()
    {
        var published = Services.Children.Values.Cast<YamlMappingNode>()
            .Where(service => service.Children.ContainsKey("ports"))
            .SelectMany(service => ((YamlSequenceNode)service["ports"]).Children.Select(port => port.ToString()))
            .ToList();
        Assert.NotEmpty(published);
        Assert.All(published, port => Assert.Matches(@"^(127\.0\.0\.1|\$\{GRID_[A-Z_]+_ADDRESS:-127\.0\.0\.1\}):", port));
    }

    [Fact]
    public void TheTraceDashboardAsksForItsToken()
    {
        var environment = Environment(Service("dashboard"));
        Assert.False(environment.ContainsKey("DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"));
        Assert.Equal("BrowserToken", environment["DASHBOARD:FRONTEND:AUTHMODE"]);
    }

    [Fact]
    public void DockerComposeAcceptsTheFileWithAKeyAndPublishesOnLoopbackOnly()
    {
        if (Compose(apiKey: "compose-check-key-0123456789") is not var (exitCode, output, errors))
            return;
        Assert.True(exitCode == 0, errors);
        var ports = output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("- ") && (line.Contains(":8080") || line.Contains(":18888"))).ToList();
        Assert.NotEmpty(ports);
        Assert.All(ports, port => Assert.StartsWith("- 127.0.0.1:", port));
    }

    [Fact]
    public void DockerComposeRefusesTheFileWithoutGridApiKeyAndSaysToSetIt()
    {
        if (Compose(apiKey: null) is not var (exitCode, _, errors))
            return;
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Set GRID_API_KEY", errors);
    }

    /// <summary>Runs <c>docker-compose config</c> with or without <c>GRID_API_KEY</c>; null where docker-compose is not installed.</summary>
    private static (int ExitCode, string Output, string Errors)? Compose(string? apiKey)
    {
        var start = new ProcessStartInfo("docker-compose", "config") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment.Remove("GRID_API_KEY");
        start.Environment.Remove("GRID_PUBLISH_ADDRESS");
        start.Environment.Remove("GRID_DASHBOARD_ADDRESS");
        if (apiKey is not null)
            start.Environment["GRID_API_KEY"] = apiKey;
        Process? compose;
        try
        {
            compose = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // .ci/run installs Debian's docker-compose; a developer machine without it checks the rest only.
            return null;
        }
        var output = compose!.StandardOutput.ReadToEndAsync();
        var errors = compose.StandardError.ReadToEndAsync();
        Assert.True(compose.WaitForExit(TimeSpan.FromMinutes(1)), "docker-compose config did not end within a minute");
        return (compose.ExitCode, output.Result, errors.Result);
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
