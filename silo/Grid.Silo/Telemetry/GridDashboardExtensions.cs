using Grid.Silo.Hosting;
using Orleans.Dashboard;

namespace Grid.Silo.Telemetry;

public static class GridDashboardExtensions
{
    public const string Path = "/dashboard";

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c> when <c>Grid:Dashboard:Enabled</c>. It shows grain
    /// state, so it is behind the API keys when there are any (a browser sends the key as the
    /// password of HTTP Basic authentication); it is left out of the per-key rate limit, as it polls.
    /// </summary>
    public static WebApplication MapGridDashboard(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("Grid:Dashboard").Get<DashboardSettings>() ?? new();
        if (settings.Enabled)
            app.MapOrleansDashboard(Path).RequireAuthorization();
        return app;
    }
}
