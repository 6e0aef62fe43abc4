using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Grains.Text;

namespace Grid.Cluster.Tests.Http;

/// <summary>
/// A Grid on loopback without keys is safe from the web pages its user opens: another site's page cannot write
/// to it (a text/plain POST needs no CORS preflight), nor read it through a name rebound to 127.0.0.1.
/// </summary>
public sealed class CrossSiteTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task AWriteFromAnotherSitesPageIs403AndNothingIsStored(string header, string value)
    {
        var text = GeneratedArticle.FromSeed(1420 + value.Length).Text;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(text, Encoding.UTF8, "text/plain") };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"{header}: {value}", problem["detail"]!.GetValue<string>());
        using var lookup = await Http.GetAsync($"/api/articles/{ContentHash.Of(text)}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task ADeleteFromAnotherSitesPageIs403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/articles/some-article");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "(this Grid)")]
    public async Task AWriteFromGridsOwnPagesIsAccepted(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { text = GeneratedArticle.FromSeed(1430 + header.Length + value.Length).Text }) };
        request.Headers.TryAddWithoutValidation(header, header == "Origin" ? fixture.Silo.Address.GetLeftPart(UriPartial.Authority) : value);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ANameReboundToLoopbackIsRefusedAndLoopbackNamesAreServed()
    {
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        rebound.Headers.Host = "attacker.example";
        using var refused = await Http.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        foreach (var name in new[] { "localhost", "127.0.0.1" })
        {
            using var local = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
            local.Headers.Host = $"{name}:{fixture.Silo.Address.Port}";
            using var served = await Http.SendAsync(local);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }
}
