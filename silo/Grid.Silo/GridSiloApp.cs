using Grid.Silo.Api;
using Grid.Silo.Hosting;

namespace Grid.Silo;

/// <summary>The silo process: an Orleans silo with the HTTP API beside it. Program.cs and the tests build it the same way.</summary>
public static class GridSiloApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddGridSilo();
        builder.Services.AddGridApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapArticlesApi();
        app.MapGridHealth();
        return app;
    }
}
