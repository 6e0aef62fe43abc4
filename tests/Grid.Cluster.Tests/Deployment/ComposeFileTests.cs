using System.Diagnostics;
using System.Text.RegularExpressions;
using Grid.Silo.Hosting.Postgres;
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
    public void OllamaReservesTheGpuAndTheFileSaysWhatACpuOnlyHostChanges()
    {
        var devices = (YamlSequenceNode)Path(Service("ollama"), "deploy", "resources", "reservations")["devices"];
        var gpu = (YamlMappingNode)Assert.Single(devices.Children);
        Assert.Equal("nvidia", Scalar(gpu, "driver"));
        Assert.Contains("gpu", ((YamlSequenceNode)gpu["capabilities"]).Children.Select(node => node.ToString()));
        Assert.Contains("On a CPU-only host delete this", File.ReadAllText(RepositoryFiles.PathOf("docker-compose.yml")));
    }

    [Fact]
    public void EveryImageIsPinnedToAVersion()
    {
        var images = Services.Children.Values.Cast<YamlMappingNode>().Where(service => service.Children.ContainsKey("image")).Select(service => Scalar(service, "image")).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(@"^[^:]+:[0-9][0-9.]*[0-9]$", image));
        var dockerfileImages = File.ReadLines(RepositoryFiles.PathOf("silo/Grid.Silo/Dockerfile")).Where(line => line.StartsWith("FROM ")).Select(line => line.Split(' ')[1]).ToList();
        Assert.Equal(2, dockerfileImages.Count);
        Assert.All(dockerfileImages, image => Assert.Matches(@"^[^:]+:[0-9][0-9.]*[0-9]$", image));
    }

    [Fact]
    public void TheModelIsPulledOnceOllamaIsHealthyAndBeforeAnySiloStarts()
    {
        var pull = Service("ollama-pull");
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)((YamlMappingNode)pull["depends_on"])["ollama"], "condition"));
        Assert.Contains("pull", ((YamlSequenceNode)pull["entrypoint"]).Children.Select(node => node.ToString()));
        var siloDependsOn = (YamlMappingNode)Service("silo")["depends_on"];
        Assert.Equal("service_completed_successfully", Scalar((YamlMappingNode)siloDependsOn["ollama-pull"], "condition"));
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)siloDependsOn["postgres"], "condition"));
    }

    [Fact]
    public void PostgresKeepsItsDataInAVolumeReportsItsHealthNeedsAPasswordAndIsNotPublished()
    {
        var postgres = Service("postgres");
        Assert.Contains(((YamlSequenceNode)postgres["volumes"]).Children, volume => volume.ToString() == "postgres:/var/lib/postgresql/data");
        Assert.Contains("pg_isready", ((YamlSequenceNode)((YamlMappingNode)postgres["healthcheck"])["test"]).Children.Select(node => node.ToString()));
        Assert.StartsWith("${GRID_POSTGRES_PASSWORD:?", Environment(postgres)["POSTGRES_PASSWORD"]);
        Assert.False(postgres.Children.ContainsKey("ports"));
        Assert.Equal("unless-stopped", Scalar(postgres, "restart"));
    }

    [Fact]
    public void TheSiloReportsItsLivenessAndIsStartedAgainWhenItExits()
    {
        var silo = Service("silo");
        var test = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)silo["healthcheck"])["test"]).Children.Select(node => node.ToString()));
        Assert.Contains("/dev/tcp/127.0.0.1/8080", test);
        Assert.Contains("GET /health/live ", test);
        Assert.Equal("unless-stopped", Scalar(silo, "restart"));
    }

    [Fact]
    public void TheSiloImageRestoresInItsOwnLayerAndRunsAsANonRootUser()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("silo/Grid.Silo/Dockerfile")).Select(line => line.Trim()).ToList();
        var restore = lines.FindIndex(line => line.StartsWith("RUN dotnet restore silo/Grid.Silo/Grid.Silo.csproj"));
        var copyAll = lines.FindIndex(line => line == "COPY . .");
        Assert.InRange(restore, 0, copyAll - 1);
        Assert.Contains(lines, line => line.StartsWith("RUN dotnet publish") && line.Contains("--no-restore"));
        // Every project the silo builds from is in the restore layer, or the restore misses its packages.
        foreach (var project in ProjectsOf("silo/Grid.Silo/Grid.Silo.csproj"))
            Assert.Contains(lines[..restore], line => line.StartsWith("COPY ") && line.Contains(project));
        var runtime = lines.FindLastIndex(line => line.StartsWith("FROM "));
        var user = Assert.Single(lines[runtime..], line => line.StartsWith("USER "));
        Assert.DoesNotMatch(@"^USER (root|0)(:|$)", user);
    }

    [Fact]
    public void TheSiloIsBuiltFromItsDockerfileAndClusteredOnPostgresSoItScales()
    {
        var silo = Service("silo");
        var dockerfile = Scalar((YamlMappingNode)silo["build"], "dockerfile");
        Assert.True(File.Exists(RepositoryFiles.PathOf(dockerfile)), dockerfile);
        var environment = Environment(silo);
        Assert.Equal("Postgres", environment["Grid:Clustering"]);
        Assert.Equal("Postgres", environment["Grid:Storage"]);
        Assert.Contains("Host=postgres;", environment["Grid:Postgres"]);
        Assert.Contains("Password=${GRID_POSTGRES_PASSWORD:?", environment["Grid:Postgres"]);
        Assert.Null(PostgresConnectionString.Problem(Regex.Replace(environment["Grid:Postgres"], @"\$\{[^}]+\}", "0123abcd")));
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

    [Fact]
    public void DockerComposeRefusesTheFileWithoutAPostgresPasswordAndSaysToSetIt()
    {
        if (Compose(apiKey: "compose-check-key-0123456789", postgresPassword: null) is not var (exitCode, _, errors))
            return;
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Set GRID_POSTGRES_PASSWORD", errors);
    }

    /// <summary>Runs <c>docker-compose config</c> with or without <c>GRID_API_KEY</c> and <c>GRID_POSTGRES_PASSWORD</c>; null where docker-compose is not installed.</summary>
    private static (int ExitCode, string Output, string Errors)? Compose(string? apiKey, string? postgresPassword = "compose-check-password")
    {
        var start = new ProcessStartInfo("docker-compose", "config") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment.Remove("GRID_API_KEY");
        start.Environment.Remove("GRID_PUBLISH_ADDRESS");
        start.Environment.Remove("GRID_DASHBOARD_ADDRESS");
        start.Environment.Remove("GRID_POSTGRES_PASSWORD");
        if (apiKey is not null)
            start.Environment["GRID_API_KEY"] = apiKey;
        if (postgresPassword is not null)
            start.Environment["GRID_POSTGRES_PASSWORD"] = postgresPassword;
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

    private static YamlMappingNode Path(YamlMappingNode node, params string[] keys) =>
        keys.Aggregate(node, (inner, key) => (YamlMappingNode)inner[key]);

    /// <summary>The project and every project it references, transitively, as paths from the repository root.</summary>
    private static IEnumerable<string> ProjectsOf(string project)
    {
        yield return project;
        var folder = System.IO.Path.GetDirectoryName(project)!;
        foreach (Match reference in Regex.Matches(File.ReadAllText(RepositoryFiles.PathOf(project)), @"<ProjectReference Include=""([^""]+)"""))
        {
            var path = System.IO.Path.GetRelativePath(RepositoryFiles.Root, System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryFiles.Root, folder, reference.Groups[1].Value.Replace('\\', '/'))));
            foreach (var inner in ProjectsOf(path))
                yield return inner;
        }
    }

    /// <summary>The service's environment as configuration keys: <c>Grid__Llm__Model</c> is <c>Grid:Llm:Model</c>.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(
            pair => pair.Key.ToString().Replace("__", ":"), pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
