using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Api;

public sealed class ApiReferenceTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryRouteOfTheArticles()
    {
        var document = (await Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        Assert.Equal("Grid", document["info"]!["title"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        string[][] routes =
        [
            ["/api/articles", "post", "get"],
            ["/api/articles/batch", "post"],
            ["/api/articles/{id}", "get", "delete", "put"],
            ["/api/articles/{id}/revisions/{revision}", "get"],
            ["/api/articles/{id}/summary", "get"],
            ["/api/articles/{id}/events", "get"],
        ];
        foreach (var route in routes)
        {
            var path = paths[route[0]]?.AsObject();
            Assert.True(path is not null, $"{route[0]} is missing from {string.Join(", ", paths.Select(p => p.Key))}");
            foreach (var method in route[1..])
                Assert.True(path.ContainsKey(method), $"{method.ToUpperInvariant()} {route[0]} is missing");
        }
        var submitBody = paths["/api/articles"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.True(submitBody.ContainsKey("application/json") && submitBody.ContainsKey("text/plain"), submitBody.ToJsonString());
        var batchBody = paths["/api/articles/batch"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.True(batchBody.ContainsKey("application/x-ndjson"), batchBody.ToJsonString());
        Assert.True(paths["/api/articles/{id}/events"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().ContainsKey("text/event-stream"));
        Assert.True(paths["/api/articles/{id}"]!["get"]!["responses"]!.AsObject().ContainsKey("404"));
    }

    [Fact]
    public async Task ScalarServesABrowsableReferenceOfTheDocument()
    {
        using var response = await Http.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Grid API", page);
        Assert.Contains("openapi/v1.json", page);
    }
}
