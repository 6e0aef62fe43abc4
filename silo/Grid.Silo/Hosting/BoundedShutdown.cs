using System.Runtime.InteropServices;

namespace Grid.Silo.Hosting;

/// <summary>
/// Keeps a stop within <c>Grid:ShutdownTimeout</c>: the host hands its services that long (they hand over grains
/// and leave the membership table), and a second later a silo that is still stopping (its Redis gone, a store
/// that never answers) logs why and exits, rather than hang until an orchestrator's SIGKILL loses the log too.
/// </summary>
public sealed partial class BoundedShutdown(IHostApplicationLifetime lifetime, TimeSpan bound, ILogger<BoundedShutdown> logger) : IHostedService, IDisposable
{
    /// <summary>What the host's own timeout leaves for the services that ignore it.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <summary>The console logger writes from a queue: the last line needs a moment to reach the output.</summary>
    private static readonly TimeSpan LogFlush = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stopped = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _ = EnforceAsync());
        // A host that stops in time is left alone: a process may hold several (tests do) and outlive each.
        lifetime.ApplicationStopped.Register(_stopped.Cancel);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnforceAsync()
    {
        try
        {
            await Task.Delay(bound + Grace, _stopped.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        LogExiting(bound.TotalSeconds);
        await Task.Delay(LogFlush);
        // Environment.Exit would wait for the host it is leaving (the console lifetime blocks process exit until the
        // host is disposed), so the process ends the way SIGKILL would, minus the lost log line.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            Exit(1);
        Environment.FailFast($"Grid could not stop cleanly within {bound.TotalSeconds:0} s.");
    }

    public void Dispose() => _stopped.Dispose();

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void Exit(int status);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Grid could not stop cleanly within {Seconds} s (Grid:ShutdownTimeout): something it waits on does not answer, most often its storage or cluster membership (Redis). Exiting now; unsaved progress is redone from the last checkpoint when it starts again.")]
    private partial void LogExiting(double seconds);
}
