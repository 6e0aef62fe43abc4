using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;

namespace Grid.Cluster.Tests.Http;

/// <summary>The glossary and the mode on the HTTP API and the CLI: in on submit, out in the result.</summary>
public sealed class GlossaryAndModeApiTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private string Gateway => fixture.Silo.GatewayPort.ToString();

    private static string Article(string number) =>
        SampleArticles.Seed.Replace("أربعة ملفات", $"{number} ملفات");

    [Fact]
    public async Task AGlossaryAndTheReflectModePostedAsJsonAreInTheArticlesJson()
    {
        using var posted = await fixture.Http.PostAsJsonAsync("/api/articles", new
        {
            text = Article("ستة"),
            mode = "reflect",
            glossary = new[] { new { source = "كيربي", english = "Kirby", kind = "person" } },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var article = await fixture.Http.WaitUntilFinishedAsync(id);

        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.Equal("reflect", article["mode"]!.GetValue<string>());
        var kirby = article["glossary"]!.AsArray().Single(entry => entry!["source"]!.GetValue<string>() == "كيربي")!;
        Assert.Equal(("Kirby", "person", "user"), (kirby["english"]!.GetValue<string>(), kirby["kind"]!.GetValue<string>(), kirby["origin"]!.GetValue<string>()));
        Assert.Contains(article["glossary"]!.AsArray(), entry => entry!["origin"]!.GetValue<string>() == "extracted");
        var stages = article["usage"]!["stages"]!.AsArray().ToDictionary(stage => stage!["stage"]!.GetValue<string>(), stage => stage!["usage"]!["calls"]!.GetValue<int>());
        Assert.Equal(stages["translate"], stages["critique"]);
        Assert.Equal(stages["translate"], stages["improve"]);
        Assert.True(stages["glossary"] >= 1, "the glossary call is counted under its stage");
        Assert.Contains(article["paragraphs"]!.AsArray(), p => p!["en"]!.GetValue<string>().Contains("Kirby"));
    }

    [Theory]
    [InlineData("""{ "text": "قال كيربي", "mode": "slow" }""", "'mode' is 'slow'")]
    [InlineData("""{ "text": "قال كيربي", "mode": "1" }""", "'mode' is '1'")]
    [InlineData("""{ "text": "قال كيربي", "glossary": [ { "source": "Kirby", "english": "Kirby" } ] }""", "has no Arabic word")]
    [InlineData("""{ "text": "قال كيربي", "glossary": [ { "source": "كيربي", "english": "" } ] }""", "empty or not in Latin script")]
    [InlineData("""{ "text": "قال كيربي", "glossary": [ { "source": "كيربي", "english": "Kirby", "kind": "thing" } ] }""", "the kind 'thing'")]
    [InlineData("""{ "text": "قال كيربي", "glossary": [ { "source": "كيربي", "english": "Kirby" }, { "source": "كِيربي", "english": "Kerby" } ] }""", "appears twice")]
    [InlineData("""{ "text": "قال كيربي", "glossary": [ null ] }""", "null entry")]
    public async Task ABadModeOrGlossaryIsA400ProblemThatSaysWhat(string body, string detail)
    {
        using var response = await fixture.Http.PostAsync("/api/articles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCliSubmitsWithAGlossaryFileAndAModeAndShowsBoth()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("article.txt"), Article("سبعة"));
        await File.WriteAllTextAsync(folder.File("glossary.json"), """[ { "source": "كيربي", "english": "Kirby", "kind": "person" } ]""");

        var submitted = await Cli.GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--glossary", folder.File("glossary.json"), "--mode", "reflect", "--wait", "--json", "--gateway-port", Gateway);
        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var id = JsonNode.Parse(submitted.Output)!.AsArray().Single()!["id"]!.GetValue<string>();

        var shown = await Cli.GridCliProcess.RunAsync("show", id, "--gateway-port", Gateway);

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("Mode: reflect (extra cost: ", shown.Output);
        Assert.Contains("- كيربي = Kirby (person, user)", shown.Output);

        var badMode = await Cli.GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--mode", "slow", "--gateway-port", Gateway);
        Assert.Equal(2, badMode.ExitCode);
        await File.WriteAllTextAsync(folder.File("bad.json"), "{ \"source\": \"كيربي\" }");
        var badGlossary = await Cli.GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--glossary", folder.File("bad.json"), "--gateway-port", Gateway);
        Assert.Equal(2, badGlossary.ExitCode);
        Assert.Contains("not a JSON array", badGlossary.Output + badGlossary.Errors);
    }
}
