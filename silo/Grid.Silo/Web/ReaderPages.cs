using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace Grid.Silo.Web;

/// <summary>
/// The bilingual reader: the list of articles with a submit form at <c>/</c>, one article side by side
/// at <c>/articles/{id}</c>, the followed feeds at <c>/feeds</c>, and their scripts and styles under <c>/reader/</c>. The files are embedded
/// in the silo's assembly, so a published silo or a test host serves them with nothing beside it, and
/// the pages need no key: they call the API from the browser, which asks for a key when the API wants one.
/// </summary>
public static class ReaderPages
{
    public const string AssetsPath = "/reader";

    /// <summary>Everything comes from this origin; article text is data, never markup or script.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly IFileProvider Assets = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Grid.Silo.Web.Assets");

    public static WebApplication MapGridReader(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Assets,
            RequestPath = AssetsPath,
            OnPrepareResponse = context => Protect(context.Context.Response),
        });
        app.MapGet("/", (HttpContext context) => PageAsync(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/articles/{id}", (HttpContext context) => PageAsync(context, "article.html")).ExcludeFromDescription();
        app.MapGet("/feeds", (HttpContext context) => PageAsync(context, "feeds.html")).ExcludeFromDescription();
        return app;
    }

    private static async Task PageAsync(HttpContext context, string name)
    {
        var file = Assets.GetFileInfo(name);
        Protect(context.Response);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = file.Length;
        await using var content = file.CreateReadStream();
        await content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static void Protect(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // A new silo may serve new scripts: the browser asks again each time (the files are small).
        response.Headers.CacheControl = "no-cache";
    }
}
