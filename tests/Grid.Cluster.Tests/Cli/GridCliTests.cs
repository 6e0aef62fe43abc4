using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Cli;

public sealed class GridCliTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private string Gateway => fixture.Silo.GatewayPort.ToString();

    [Fact]
    public async Task SubmitWaitThenShowGivesTheBilingualArticle()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt");

        var submitted = await GridCliProcess.RunAsync("submit", sample, "--wait", "--json", "--gateway-port", Gateway);
        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var finished = JsonNode.Parse(submitted.Output)!.AsArray();
        var id = finished[0]!["id"]!.GetValue<string>();
        Assert.Equal("completed", finished[0]!["status"]!.GetValue<string>());

        var shown = await GridCliProcess.RunAsync("show", id, "--gateway-port", Gateway);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("لبحث العلاقات العسكرية", shown.Output);
        Assert.Contains(GridSettings.ExpectedEnglish("أعلن المتحدث باسم"), shown.Output);
        Assert.Contains("Summary", shown.Output);
    }

    [Fact]
    public async Task AnUnknownIdExitsWithThreeAndSaysSo()
    {
        var shown = await GridCliProcess.RunAsync("show", "0000000000000000", "--gateway-port", Gateway);
        Assert.Equal(3, shown.ExitCode);
        Assert.Contains("No article has the id", shown.Output);
    }

    [Fact]
    public async Task NoSiloAtThePortExitsWithFourAndSaysHowToStartOne()
    {
        var shown = await GridCliProcess.RunAsync("status", "0000000000000000", "--gateway-port", "1");
        Assert.Equal(4, shown.ExitCode);
        Assert.Contains("Could not reach a Grid silo", shown.Output);
        Assert.Contains("localhost:1", shown.Output);
    }
}
