using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/metrics, releases, health and drift settings: the audit history.</summary>
public static class MetricsApi
{
    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{productId:int}").WithTags("Audit");
        group.MapGet("/metrics", SeriesAsync).WithName("GetMetricSeries").WithSummary("Metric points of a key (e.g. drift.share, drift.column.score with column=temp, dq.missing_share), oldest first; from/to filter the time. Each point carries its modelVersion; a challenger's points measured on its shadow scores of a batch have shadow=true (modelVersion=N keeps one version's).");
        group.MapGet("/metrics/keys", KeysAsync).WithName("ListMetricKeys").WithSummary("The metric keys a product has history for.");
        group.MapGet("/releases", ReleasesAsync).WithName("ListReleases").WithSummary("When each model version became champion (release markers).");
        group.MapGet("/health", HealthAsync).WithName("GetProductHealth").WithSummary("Traffic lights of data quality and drift from the newest audited batch.");
        group.MapGet("/drift-settings", GetSettingsAsync).WithName("GetDriftSettings").WithSummary("Dataset drift share, per-column method / threshold overrides and the reference window (training data, a period or the last N batches).");
        group.MapPut("/drift-settings", PutSettingsAsync).WithName("SetDriftSettings").RequireAuthorization(DashboardPolicies.ModelWork).WithSummary("Replace the drift settings; they apply to the next audits.");
        api.MapGet("/batches/{batchId:int}/distribution", DistributionAsync).WithName("GetBatchDistribution").WithTags("Audit")
            .WithSummary("Reference vs current shares of a feature (column=…) or of the model output (column=prediction) for a batch.");
        group.MapGet("/drift-methods", () => TypedResults.Ok(DriftMethods.All)).WithName("ListDriftMethods").WithSummary("The drift methods the engine offers.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<MetricSeriesPoint>>> SeriesAsync(int productId, string? key, string? column, string? segment,
        string? from, string? to, int? modelVersion, AuditQueryService audits, CancellationToken ct) =>
        TypedResults.Ok(await audits.GetSeriesAsync(productId, key ?? "", column, segment, QueryRules.Time("from", from), QueryRules.Time("to", to), ct, modelVersion));

    private static async Task<Ok<IReadOnlyList<string>>> KeysAsync(int productId, AuditQueryService audits, CancellationToken ct) =>
        TypedResults.Ok(await audits.GetKeysAsync(productId, ct));

    private static async Task<Ok<IReadOnlyList<ReleaseMarker>>> ReleasesAsync(int productId, AuditQueryService audits, CancellationToken ct) =>
        TypedResults.Ok(await audits.GetReleasesAsync(productId, ct));

    private static async Task<Ok<AuditHealth>> HealthAsync(int productId, AuditQueryService audits, CancellationToken ct) =>
        TypedResults.Ok(await audits.GetHealthAsync(productId, ct));

    private static async Task<Ok<ColumnDistribution>> DistributionAsync(int batchId, string? column, AuditQueryService audits, CancellationToken ct) =>
        TypedResults.Ok(await audits.GetColumnDistributionAsync(batchId, column ?? throw new DataProductDashboard.Domain.InputValidationException("column", "A column is required."), ct));

    private static async Task<Ok<DriftSettings>> GetSettingsAsync(int productId, ProductService products, CancellationToken ct) =>
        TypedResults.Ok(await products.GetDriftSettingsAsync(productId, ct));

    private static async Task<Ok<DriftSettings>> PutSettingsAsync(int productId, DriftSettings settings, ProductService products, CancellationToken ct) =>
        TypedResults.Ok(await products.UpdateDriftSettingsAsync(productId, settings, ct));
}
