using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Cluster.Tests.Pages;

/// <summary>
/// A real HTTP server on 127.0.0.1 that serves saved Arabic news pages (samples/pages) the ways sites do:
/// UTF-8 with a charset header, windows-1256 declared only in a meta tag, a 404, JSON, a page too big to
/// read, a section front with no article, a page that fails with 503 before it answers, a redirect. It counts
/// every request by path, and serves any other content a test puts at a path (feeds, for example).
/// </summary>
internal sealed class NewsSite : IAsyncDisposable
{
    public const string Utf8Page = "/2024/03/29/pentagon-iraq";
    public const string Windows1256Page = "/news/jordan-central-bank.php";
    public const string Missing = "/news/gone";
    public const string NotHtml = "/api/latest.json";
    public const string Oversized = "/news/everything";
    public const string FrontPage = "/";
    public const string Flaky = "/news/busy";
    public const string Redirect = "/p/1234";

    /// <summary>Requests <see cref="Flaky"/> answers 503 before it serves the page.</summary>
    public const int FlakyFailures = 2;

    /// <summary>Bytes the oversized page streams (no Content-Length): more than the tests' Grid:Pages:MaxBytes.</summary>
    public const int OversizedBytes = 600 * 1024;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _extra = new();

    private NewsSite(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "pages", name));

    public Uri UrlOf(string path) => new(BaseAddress, path);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>Serves <paramref name="answer"/> at <paramref name="path"/> from now on (replacing what was there).</summary>
    public void Serve(string path, Func<HttpContext, Task> answer) => _extra[path] = answer;

    public static async Task<NewsSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new NewsSite(app);
        app.Run(site.AnswerAsync);
        await app.StartAsync();
        site.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return site;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var hit = _hits.AddOrUpdate(path, 1, (_, count) => count + 1);
        if (_extra.TryGetValue(path, out var extra))
        {
            await extra(context);
            return;
        }
        var response = context.Response;
        switch (path)
        {
            case Utf8Page:
                await SendAsync(response, "text/html; charset=utf-8", Sample("kitabat-pentagon-iraq.html"));
                break;
            case Windows1256Page:
                // The charset is only in the page's <meta>, as on many older Arabic sites.
                await SendAsync(response, "text/html", Sample("jordan-central-bank-windows-1256.html"));
                break;
            case NotHtml:
                await SendAsync(response, "application/json", Encoding.UTF8.GetBytes("""{ "latest": ["البنك المركزي"] }"""));
                break;
            case Oversized:
                response.ContentType = "text/html; charset=utf-8";
                var filler = Encoding.UTF8.GetBytes(new string('x', 1024));
                for (var sent = 0; sent < OversizedBytes && !context.RequestAborted.IsCancellationRequested; sent += filler.Length)
                    await response.Body.WriteAsync(filler, context.RequestAborted);
                break;
            case FrontPage:
                await SendAsync(response, "text/html; charset=utf-8", Sample("no-article.html"));
                break;
            case Flaky when hit <= FlakyFailures:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case Flaky:
                await SendAsync(response, "text/html; charset=utf-8", Sample("kitabat-pentagon-iraq.html"));
                break;
            case Redirect:
                response.Redirect(Windows1256Page, permanent: true);
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static async Task SendAsync(HttpResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
