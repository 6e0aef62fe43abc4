using Grid.Grains;
using Grid.Grains.Llm;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Grid.Silo.Telemetry;

/// <summary>All of the silo's OpenTelemetry wiring in one place, as eShop's ServiceDefaults does.</summary>
public static class GridTelemetryExtensions
{
    /// <summary>Orleans' own activity sources: grain calls as spans, with the trace carried across silos.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Set in the host's properties once the tracing pipeline is added, so that a second exporter does not add it again.</summary>
    private const string TracingAdded = "Grid.Telemetry.TracingAdded";

    /// <summary>
    /// Metrics (the <c>Grid</c> meter, Orleans, ASP.NET Core, HttpClient, runtime), scraped at <c>/metrics</c>, and logs with
    /// the trace id on every record. Traces (HTTP in, grain calls, Grid's spans, LLM requests with the GenAI conventions,
    /// HTTP out) are made only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and then everything is exported over OTLP,
    /// sampled as <c>OTEL_TRACES_SAMPLER</c> and <c>OTEL_TRACES_SAMPLER_ARG</c> say (the SDK reads them; parent-based
    /// always-on by default); nothing extra is written to the console.
    /// </summary>
    /// <remarks>
    /// Without a receiver nothing listens to the activity sources, so no span is made: listened to, every grain call made
    /// two (the caller's and the callee's) and recorded them for no one: about 90 KB of the 1,650 KB allocated per LLM call in the
    /// <c>overhead</c> benchmark. The trace context then does not cross grain calls either, which no one would read.
    /// </remarks>
    public static WebApplicationBuilder AddGridTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "grid-silo"))
            .WithMetrics(metrics => metrics
                .AddMeter(GridTelemetry.Name, GridLlmTelemetry.SourceName, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.AddGridTracing();
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>An exporter of spans in this process (a test's in-memory one): spans are made for it as for OTLP.</summary>
    public static WebApplicationBuilder AddGridTraceExporter(this WebApplicationBuilder builder, Action<TracerProviderBuilder> exporter)
    {
        builder.AddGridTracing();
        builder.Services.ConfigureOpenTelemetryTracerProvider(exporter);
        return builder;
    }

    /// <summary>
    /// An exporter of log records in this process (a test's in-memory one). The records carry the trace id of the work
    /// they were written in, so the trace context is carried across grain calls for it, as for OTLP.
    /// </summary>
    public static WebApplicationBuilder AddGridLogExporter(this WebApplicationBuilder builder, Action<OpenTelemetryLoggerOptions> exporter)
    {
        builder.AddGridTracing();
        builder.Logging.AddOpenTelemetry(exporter);
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, <c>/metrics</c>.</summary>
    public static WebApplication MapGridTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void AddGridTracing(this WebApplicationBuilder builder)
    {
        if (!builder.Host.Properties.TryAdd(TracingAdded, true))
            return;
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(GridTelemetry.Name, GridLlmTelemetry.SourceName)
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !IsScrape(context))
                .AddHttpClientInstrumentation());
    }

    private static bool IsScrape(HttpContext context) => context.Request.Path.StartsWithSegments("/metrics");
}
