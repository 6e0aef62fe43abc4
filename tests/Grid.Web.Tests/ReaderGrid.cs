using Grid.Cluster.Tests;
using Grid.OllamaEmulator;
using Microsoft.Playwright;

namespace Grid.Web.Tests;

/// <summary>A real silo serving the reader, the emulator as its LLM, and a headless chromium to look at the pages, shared by a test class.</summary>
public class ReaderGrid : IAsyncLifetime
{
    /// <summary>Long enough for an article to go through on a busy machine; a wait ends as soon as the page shows what it waits for.</summary>
    public const float WorkTimeout = 180_000;

    private OllamaEmulatorServer _emulator = null!;
    private IPlaywright _playwright = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client of the same API, to compare the page with.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The one API key the silo has; without one its API is open (on loopback).</summary>
    public virtual string? ApiKey => null;

    /// <summary>Last changes to the silo's settings (and what they need started first).</summary>
    protected virtual Task ConfigureAsync(Dictionary<string, string?> settings) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
            throw new InvalidOperationException($"The reader's tests drive Debian's chromium at {Chromium.ExecutablePath}: apt-get install chromium (.ci/run does).");
        // Slow enough that an article takes a moment, so its progress has something to show.
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 400 });
        var settings = GridSettings.For(_emulator.BaseAddress);
        if (ApiKey is not null)
            settings["Grid:Api:Keys:0"] = ApiKey;
        await ConfigureAsync(settings);
        Silo = await GridSiloHost.StartAsync(settings);
        Http = Silo.CreateClient();
        if (ApiKey is not null)
            Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A page in a fresh browser context (its own storage) at the given viewport, with addresses relative to the silo.</summary>
    public async Task<IPage> OpenPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Silo.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        Http.Dispose();
        await Silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
