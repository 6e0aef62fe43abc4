using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Pages;

/// <summary>The news site, and a silo allowed to fetch from this machine (Grid:Outbound:AllowPrivateNetworks=true) with quick retries.</summary>
public sealed class PageSiteFixture : IAsyncLifetime
{
    /// <summary>Grid:Pages:MaxBytes of the silo: the saved pages fit, the oversized one does not.</summary>
    public const int MaxPageBytes = 256 * 1024;

    internal NewsSite Site { get; private set; } = null!;

    public OllamaEmulatorServer Emulator { get; private set; } = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await NewsSite.StartAsync();
        Emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        Silo = await GridSiloHost.StartAsync(PageSettings.For(Emulator.BaseAddress, allowPrivateNetworks: true));
        Http = Silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await Emulator.DisposeAsync();
        await Site.DisposeAsync();
    }
}
