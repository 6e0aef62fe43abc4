using Grid.Grains;

namespace Grid.Silo.Hosting;

public static class GridSiloBuilderExtensions
{
    /// <summary>Hosts an Orleans silo in this process, clustered and stored as <c>Grid:Clustering</c> and <c>Grid:Storage</c> say.</summary>
    public static WebApplicationBuilder AddGridSilo(this WebApplicationBuilder builder)
    {
        var options = GridHostOptionsValidator.Validated(builder.Configuration.GetSection("Grid").Get<GridHostOptions>() ?? new());
        builder.Services.AddGridGrains(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.Silo.SiloPort, options.Silo.GatewayPort);
            silo.AddMemoryGrainStorage(GridStorage.Articles);
            silo.AddMemoryGrainStorage(GridStorage.Translations);
        });
        // Registered after the silo, so it starts once the silo is up.
        builder.Services.AddHostedService<SubmissionPathWarmup>();
        return builder;
    }
}
