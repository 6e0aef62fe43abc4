using System.Net;
using Grid.OllamaEmulator.Catalog;
using Grid.OllamaEmulator.Recording;
using Grid.OllamaEmulator.Scheduling;
using Grid.OllamaEmulator.Settings;
using Grid.OllamaEmulator.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.OllamaEmulator;

/// <summary>
/// The emulator running inside a test process on a free loopback port. Tests read its stats and
/// change its faults directly, and wait on its state instead of sleeping.
/// </summary>
public sealed class OllamaEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorStats _stats;
    private readonly RuntimeSettingsStore _settings;
    private readonly StateChangeSignal _signal;
    private readonly ModelCatalog _catalog;
    private readonly ChatBodyRecording _recording;

    private OllamaEmulatorServer(WebApplication app, EmulatorOptions options, Uri baseAddress)
    {
        _app = app;
        Options = options;
        BaseAddress = baseAddress;
        _stats = app.Services.GetRequiredService<EmulatorStats>();
        _settings = app.Services.GetRequiredService<RuntimeSettingsStore>();
        _signal = app.Services.GetRequiredService<StateChangeSignal>();
        _catalog = app.Services.GetRequiredService<ModelCatalog>();
        _recording = app.Services.GetRequiredService<ChatBodyRecording>();
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:38211/</c>; use it as an HttpClient's BaseAddress.</summary>
    public Uri BaseAddress { get; }

    public EmulatorOptions Options { get; }

    /// <summary>A fresh snapshot of the counters and the recent requests.</summary>
    public EmulatorStatsSnapshot Stats => _stats.Snapshot();

    /// <summary>The recent requests, oldest first.</summary>
    public IReadOnlyList<RequestRecord> Requests => _stats.Snapshot().Recent;

    /// <summary>Current pacing and fault probabilities.</summary>
    public RuntimeSettings Settings => _settings.Current;

    public static Task<OllamaEmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options ?? new EmulatorOptions(), port: 0, cancellationToken);

    /// <summary>Starts on a given loopback port (0 for a free one): a test can stop an emulator and bring it back at the same address.</summary>
    public static async Task<OllamaEmulatorServer> StartAsync(EmulatorOptions options, int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Nothing from the host process (appsettings of other projects, ASPNETCORE_URLS) may leak in.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = OllamaEmulatorApplication.Build(builder, options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new OllamaEmulatorServer(app, options, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An HttpClient aimed at the emulator (OllamaSharp needs the BaseAddress).</summary>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null) =>
        new() { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };

    /// <summary>Changes pacing or fault probabilities; requests already pacing pick up the new speed at once.</summary>
    public RuntimeSettings UpdateSettings(Func<RuntimeSettings, RuntimeSettings> change) => _settings.Update(change);

    public void ResetStats() => _stats.Reset();

    /// <summary>Keeps every <c>/api/chat</c> body from now on, as it arrived (see <see cref="StopRecordingChatBodies"/>).</summary>
    public void StartRecordingChatBodies() => _recording.Start();

    /// <summary>The chat bodies received since <see cref="StartRecordingChatBodies"/>, in arrival order; recording stops.</summary>
    public IReadOnlyList<byte[]> StopRecordingChatBodies() => _recording.Stop();

    /// <summary>Makes a model known, as <c>/api/pull</c> would.</summary>
    public void AddModel(string name) => _catalog.Add(name);

    /// <summary>Completes when <paramref name="condition"/> holds for the stats (checked on every state change).</summary>
    public async Task<EmulatorStatsSnapshot> WaitUntilAsync(Func<EmulatorStatsSnapshot, bool> condition, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var next = _signal.NextChange;
            var snapshot = _stats.Snapshot();
            if (condition(snapshot))
                return snapshot;
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
