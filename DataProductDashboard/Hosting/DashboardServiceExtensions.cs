using System.Text.Json.Serialization;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DataProductDashboard.Hosting;

/// <summary>The Add* extensions Program.cs composes.</summary>
public static class DashboardServiceExtensions
{
    /// <summary>Loads the root appsettings.json (the one settings file a user edits); environment variables and the
    /// command line still override it.</summary>
    public static WebApplicationBuilder AddRootSettings(this WebApplicationBuilder builder, string[] args)
    {
        var root = RootSettings.FindRootDirectory();
        builder.Configuration.AddJsonFile(Path.Combine(root, RootSettings.FileName), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        builder.Configuration[$"{DashboardOptions.SectionName}:{nameof(DashboardOptions.RootDirectory)}"] ??= root;
        // Serve MudBlazor's and Plotly.Blazor's assets from the build output in every environment, not only in
        // Development (a no-op for a published app, whose wwwroot already holds them).
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Options, storage, ML.NET, application services, background work and the migrate+seed start-up.</summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TimeProvider>(new StoreClock(TimeProvider.System));
        services.AddMetrics();
        services.AddSingleton<DataProductDashboard.Services.Operations.InstanceIdentity>();
        services.AddSingleton<DataProductDashboard.Services.Operations.SingletonWork>();
        services.AddSingleton<DataProductDashboard.Services.Operations.QueueGauge>();
        services.AddSingleton<DataProductDashboard.Services.Operations.DashboardMetrics>();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The provider's context behind the one factory every service uses; scoped contexts (Identity's stores, the
        // key ring) come from it too.
        services.AddSingleton<IDbContextFactory<DashboardDbContext>, DashboardDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseFiles>();
        services.AddSingleton<ISharedFiles>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.EffectiveFiles == FileStorage.Database
            ? sp.GetRequiredService<DatabaseFiles>() : new DirectoryFiles());
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ModelCache>();
        services.AddSingleton<DataProductDashboard.Services.Audit.ReferenceProfileStore>();
        services.AddSingleton<DataProductDashboard.Services.Notifications.ProductEvents>();
        services.AddSingleton<DataProductDashboard.Services.Audit.AuditQueryService>();
        services.AddSingleton<DataProductDashboard.Services.Audit.PerformanceService>();
        services.AddSingleton<DataProductDashboard.Services.Fairness.FairnessService>();
        services.AddSingleton<DataProductDashboard.Services.Coverage.UncoveredRowsService>();
        services.AddSingleton<DataProductDashboard.Services.Segments.WeakSegmentsService>();
        services.AddSingleton<DataProductDashboard.Services.Segments.SegmentQueries>();
        services.AddSingleton<DataProductDashboard.Services.Labels.LabelService>();
        services.AddSingleton<ProductService>();
        services.AddSingleton<SchemaInferenceService>();
        services.AddSingleton<ProductLifecycleService>();
        services.AddSingleton<ProductSchemaService>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<ModelRegistryService>();
        services.AddSingleton<ModelComparisonService>();
        services.AddSingleton<ChallengerService>();
        services.AddSingleton<ModelLineageService>();
        services.AddSingleton<EvaluationSetService>();
        services.AddSingleton<BatchImporter>();
        services.AddSingleton<BatchQueries>();
        services.AddSingleton<BatchExports>();
        services.AddSingleton<BatchIntake>();
        services.AddSingleton<JobTracker>();
        services.AddSingleton<ImportSlots>();
        services.AddSingleton<OrphanFiles>();
        services.AddSingleton<IJobHandler, BatchImportJobHandler>();
        services.AddSingleton<IJobHandler, TrainingJobHandler>();
        services.AddSingleton<DataProductDashboard.Services.FollowUps.FollowUpRunner>();
        services.AddSingleton<DataProductDashboard.Services.Idempotency.IdempotencyStore>();
        services.AddSingleton<DataProductDashboard.Services.Trail.AuditTrail>();
        
        services.AddSingleton<DataProductDashboard.Services.Notifications.NotificationOutbox>();
        services.AddSingleton<DataProductDashboard.Services.Alerts.AlertService>();
        services.AddSingleton<DataProductDashboard.Services.Alerts.TimelinessMonitor>();
        services.AddSingleton<DataProductDashboard.Services.Gates.BatchEvidence>();
        services.AddSingleton<DataProductDashboard.Services.Gates.BatchGateEvaluator>();
        services.AddSingleton<DataProductDashboard.Services.Gates.GateService>();
        services.AddSingleton<DataProductDashboard.Services.Kpis.KpiRecomputer>();
        services.AddSingleton<DataProductDashboard.Services.Kpis.KpiService>();
        services.AddSingleton<DataProductDashboard.Services.Releases.ShadowScorer>();
        services.AddSingleton<DataProductDashboard.Services.Releases.ReleaseService>();
        services.AddSingleton<DataProductDashboard.Services.Insights.InsightService>();
        services.AddSingleton<DataProductDashboard.Services.Reports.ReportService>();
        services.AddSingleton<DataProductDashboard.Services.Experiments.ExperimentMonitor>();
        services.AddSingleton<DataProductDashboard.Services.Experiments.ExperimentSamples>();
        services.AddSingleton<DataProductDashboard.Services.Experiments.ExperimentStatisticsCache>();
        services.AddSingleton<DataProductDashboard.Services.Experiments.ExperimentService>();
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<JobRunner>();
        services.AddHostedService<DataProductDashboard.Services.FollowUps.FollowUpWorker>();
        services.AddHostedService<DataProductDashboard.Services.Alerts.TimelinessService>();
        services.AddHostedService<RetentionSweeper>();
        services.AddHostedService<DataProductDashboard.Services.Operations.InstanceEventRelay>();
        services.AddHostedService<DataProductDashboard.Services.Operations.InstancePresence>();
        return services;
    }

    /// <summary>Blazor (interactive server) with MudBlazor.</summary>
    public static IServiceCollection AddDashboardUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>Problem details for every API error, JSON enums as strings, upload limits, the OpenAPI document,
    /// the web surface (origin check, rate limits).</summary>
    public static WebApplicationBuilder AddDashboardApi(this WebApplicationBuilder builder)
    {
        var maxUpload = (builder.Configuration.GetValue<int?>($"{DashboardOptions.SectionName}:{nameof(DashboardOptions.MaxUploadMegabytes)}") ?? 256) * 1024L * 1024L;
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A statistic that is undefined (a test on two constant arms) is NaN: written as "NaN", not a failed response.
            o.SerializerOptions.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxUpload + (1 << 20));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxUpload + (1 << 20));
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<Api.SchemaTypes>());
        builder.Services.AddSingleton<Api.ProductsLookup>();
        builder.AddDashboardWebSurface();
        return builder;
    }
}
