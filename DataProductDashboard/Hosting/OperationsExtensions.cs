using System.Text.Json;
using DataProductDashboard.Configuration;
using DataProductDashboard.Services.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DataProductDashboard.Hosting;

/// <summary>What an operator watches: health endpoints for a load balancer or orchestrator, and OpenTelemetry metrics
/// and traces (the dashboard's own, ASP.NET Core's request durations, the runtime's), scrapeable in Prometheus format
/// and sent over OTLP when a collector is configured.</summary>
public static class OperationsExtensions
{
    /// <summary>200 while the process serves requests (no check: a restart would not fix a database outage).</summary>
    public const string LivePath = "/health/live";
    /// <summary>200 when the database answers with every migration applied (Degraded, still 200, when the job queue
    /// lags); 503 otherwise.</summary>
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddDashboardOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<QueueHealthCheck>("queue", tags: [ReadyTag]);

        var operations = builder.Configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        var otlp = string.IsNullOrWhiteSpace(operations.OtlpEndpoint) ? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] : operations.OtlpEndpoint;
        var exportOtlp = Uri.TryCreate(otlp, UriKind.Absolute, out var collector);
        // Nothing to serve or send: no meter provider at all (the instruments cost nothing without a listener).
        if (!operations.Prometheus && !exportOtlp)
            return builder;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(DashboardMetrics.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DashboardMetrics.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (operations.Prometheus)
                    metrics.AddPrometheusExporter();
                if (exportOtlp)
                    metrics.AddOtlpExporter(o => o.Endpoint = collector!);
            });
        // Traces only go somewhere over OTLP: without a collector nothing is recorded.
        if (exportOtlp)
            telemetry.WithTracing(tracing => tracing.AddSource(DashboardMetrics.Name).AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = collector!));
        return builder;
    }

    public static WebApplication MapDashboardOperations(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
        var operations = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        if (operations.Prometheus)
            app.MapPrometheusScrapingEndpoint(operations.PrometheusPath).AllowAnonymous().DisableHttpMetrics();
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>{"status": "Healthy", "checks": [{"name", "status", "description", "durationMs", "data"}]}.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        }, Json));
    }
}
