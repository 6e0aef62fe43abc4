using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>
/// A real HTTP server on 127.0.0.1 that takes webhooks: it keeps every call and answers what
/// <c>answer</c> says for the call's number (1 for the first), which may also hold the call open.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Channel<WebhookCall> _calls = Channel.CreateUnbounded<WebhookCall>();
    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Count => Volatile.Read(ref _count);

    /// <param name="answer">The status for call N (1-based); it may wait, e.g. until the request is aborted.</param>
    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpContext, Task<int>>? answer = null)
    {
        answer ??= (_, _) => Task.FromResult(200);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers;
            var number = Interlocked.Increment(ref receiver._count);
            receiver._calls.Writer.TryWrite(new WebhookCall(
                headers["X-Grid-Signature"], headers["X-Grid-Delivery"], headers["X-Grid-Event"], context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = await answer(number, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>The next call, or a failure naming what was awaited when none comes in time.</summary>
    public async Task<WebhookCall> NextAsync(TimeSpan timeout, string what = "a webhook")
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _calls.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The receiver got no {what} within {timeout} ({Count} calls so far).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
