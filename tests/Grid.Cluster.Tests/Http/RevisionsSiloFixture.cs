using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

/// <summary>
/// One silo with its HTTP API and an emulator, set for revisions: chunks at the default budget (several
/// paragraphs each, so only the paragraph cache can spare an unchanged paragraph), the context out of the
/// paragraph key (an edit changes no other paragraph's key), and two revisions kept.
/// </summary>
public sealed class RevisionsSiloFixture : IAsyncLifetime
{
    public OllamaEmulatorServer Emulator { get; private set; } = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var settings = GridSettings.For(Emulator.BaseAddress);
        settings["Grid:Articles:ChunkTokens"] = "600";
        settings["Grid:Translation:ContextInCacheKey"] = "false";
        settings["Grid:Articles:MaxRevisions"] = "2";
        Silo = await GridSiloHost.StartAsync(settings);
        Http = Silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
