using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Priority;

/// <summary>The priority on the HTTP API and the CLI: high, normal or low, in on submit, out in the article; anything else a clear 400.</summary>
public sealed class PriorityApiTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    [Theory]
    [InlineData("urgent")]
    [InlineData("1")]
    [InlineData("")]
    public async Task APriorityThatIsNotHighNormalOrLowIsA400ProblemNamingThoseThree(string priority)
    {
        using var response = await fixture.Http.PostAsJsonAsync("/api/articles", new { text = Article("تسعة"), priority });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains($"'priority' is '{priority}'", detail);
        Assert.Contains("high, normal or low", detail);
    }

    [Fact]
    public async Task ThePriorityPostedInAnyCaseIsTheArticlesAndLeftOutItIsNormal()
    {
        var high = await SubmitAsync(new { text = Article("عشرة"), priority = "High" });
        var unsaid = await SubmitAsync(new { text = Article("أحد عشر") });

        Assert.Equal("high", (await fixture.Http.WaitUntilFinishedAsync(high))["priority"]!.GetValue<string>());
        Assert.Equal("normal", (await fixture.Http.WaitUntilFinishedAsync(unsaid))["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCliSubmitsWithAPriorityAndRefusesAnUnknownOne()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("article.txt"), Article("اثنا عشر"));
        var gateway = fixture.Silo.GatewayPort.ToString();

        var submitted = await Cli.GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--priority", "low", "--wait", "--json", "--gateway-port", gateway);
        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var id = JsonNode.Parse(submitted.Output)!.AsArray().Single()!["id"]!.GetValue<string>();
        Assert.Equal("low", (await fixture.Http.WaitUntilFinishedAsync(id))["priority"]!.GetValue<string>());

        var refused = await Cli.GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--priority", "urgent", "--gateway-port", gateway);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--priority is 'urgent': use high, normal or low.", refused.Output + refused.Errors);
    }

    private async Task<string> SubmitAsync(object body)
    {
        using var posted = await fixture.Http.PostAsJsonAsync("/api/articles", body);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static string Article(string number) => SampleArticles.Seed.Replace("أربعة ملفات", $"{number} ملفات");
}
