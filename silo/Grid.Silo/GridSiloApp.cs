using Grid.Silo.Api;
using Grid.Silo.Api.Security;
using Grid.Silo.Hosting;
using Grid.Silo.Telemetry;
using Grid.Silo.Web;

namespace Grid.Silo;

/// <summary>The silo process: an Orleans silo with the HTTP API and the web reader beside it. Program.cs and the tests build it the same way.</summary>
public static class GridSiloApp
{
    /// <param name="configure">Last changes before the app is built (tests add an in-memory telemetry exporter here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddGridTelemetry();
        builder.AddGridSilo();
        builder.AddGridApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGridApiSecurity();
        app.MapGridApi();
        app.MapGridReader();
        app.MapGridHealth();
        app.MapGridTelemetry();
        app.MapGridDashboard();
        return app;
    }
}
