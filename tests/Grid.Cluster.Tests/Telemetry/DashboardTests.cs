using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Telemetry;

public sealed class DashboardTests(SiloWithEmulatorFixture open, ApiKeysFixture keyed, DashboardOffFixture off)
    : IClassFixture<SiloWithEmulatorFixture>, IClassFixture<ApiKeysFixture>, IClassFixture<DashboardOffFixture>
{
    [Fact]
    public async Task TheOrleansDashboardIsServedAtSlashDashboardWithTheClustersGrains()
    {
        using var posted = await open.Http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
        await open.Http.WaitUntilFinishedAsync((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        var page = await open.Http.GetStringAsync("/dashboard/");
        // The dashboard gathers its counters on a timer of its own: wait for a gathering that has seen the silo.
        var counters = await open.Http.GetUntilAsync("/dashboard/DashboardCounters", body => body["hosts"]?.AsArray().Count > 0);

        Assert.Contains("<title>Orleans Dashboard</title>", page);
        Assert.Single(counters!["hosts"]!.AsArray());
        var grainTypes = counters["simpleGrainStats"]!.AsArray().Select(stat => stat!["grainType"]!.GetValue<string>()).ToList();
        Assert.Contains(grainTypes, type => type.EndsWith(".ArticleGrain"));
        Assert.Contains(grainTypes, type => type.EndsWith(".ChunkTranslationGrain"));
    }

    [Fact]
    public async Task WithApiKeysTheDashboardAsksABrowserForTheKeyAsABasicPassword()
    {
        using var anonymous = await keyed.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithBasicPasswordAsync("not-a-key")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithBasicPasswordAsync(ApiKeysFixture.ReaderKey)).StatusCode);

        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/dashboard/DashboardCounters") { Headers = { { "X-Api-Key", ApiKeysFixture.ReaderKey } } };
        Assert.Equal(HttpStatusCode.OK, (await keyed.Http.SendAsync(withHeader)).StatusCode);
    }

    [Fact]
    public async Task TheApiStillNamesItsOwnHeaderWhenAKeyIsMissing()
    {
        using var anonymous = await keyed.Http.GetAsync("/api/articles");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("ApiKey", anonymous.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task ADashboardTurnedOffIsNotThere()
    {
        using var response = await off.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithBasicPasswordAsync(string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/DashboardCounters");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"editor:{password}")));
        return await keyed.Http.SendAsync(request);
    }
}
