using Grid.Grains;
using Grid.Grains.Llm;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Grid.Silo.Telemetry;

/// <summary>All of the silo's OpenTelemetry wiring in one place, as eShop's ServiceDefaults does.</summary>
public static class GridTelemetryExtensions
{
    /// <summary>Orleans' own activity sources: grain calls as spans, with the trace carried across silos.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// Traces (HTTP in, grain calls, Grid's spans, LLM requests with the GenAI conventions, HTTP out),
    /// metrics (the <c>Grid</c> meter, Orleans, ASP.NET Core, HttpClient, runtime) and logs with the
    /// trace id on every record. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and
    /// scraped at <c>/metrics</c>; nothing extra is written to the console.
    /// </summary>
    public static WebApplicationBuilder AddGridTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "grid-silo"))
            .WithTracing(tracing => tracing
                .AddSource(GridTelemetry.Name, GridLlmTelemetry.SourceName)
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !IsScrape(context))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(GridTelemetry.Name, GridLlmTelemetry.SourceName, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, <c>/metrics</c>.</summary>
    public static WebApplication MapGridTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsScrape(HttpContext context) => context.Request.Path.StartsWithSegments("/metrics");
}
