using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Insights;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;

namespace DataProductDashboard.Services.Reports;

/// <summary>Gathers what a product report shows (<see cref="ProductReportData"/>) from the services that own each part:
/// the insights page prints it, and <c>GET /api/products/{id}/report</c> answers it as one self-contained HTML file.
/// Read-only; an unknown product is a <see cref="NotFoundException"/>.</summary>
public sealed class ReportService(ProductService products, InsightService insights, KpiService kpis, AuditQueryService audits, ModelRegistryService models)
{
    /// <summary>KPIs charted in one report; a product with more lists the rest on its KPI page.</summary>
    public const int MaxKpis = 4;

    public async Task<ProductReportData> GetAsync(int productId, CancellationToken ct)
    {
        var product = await products.GetAsync(productId, ct);
        var overview = await kpis.ListOverviewAsync(productId, ct);
        var report = await insights.GetAsync(productId, overview, ct);
        var details = new List<KpiDetail>();
        foreach (var kpi in overview.Take(MaxKpis))
            details.Add(await kpis.GetAsync(productId, kpi.Id, ct));
        var metric = product.Task == TaskType.Regression ? "mae" : "accuracy";
        double? holdout = null;
        if (product.ChampionVersion is { } champion)
            holdout = (await models.GetAsync(productId, champion, ct)).HoldoutMetrics.TryGetValue(metric, out var h) ? h : null;
        var threshold = (await products.GetDriftSettingsAsync(productId, ct)).ShareThreshold;
        return new ProductReportData
        {
            Product = product,
            Insights = report,
            Kpis = details,
            PerformanceKey = PerformancePoints.Prefix + metric,
            Performance = await audits.GetSeriesAsync(productId, PerformancePoints.Prefix + metric, null, null, null, null, ct, includeShadow: false),
            Holdout = holdout,
            DriftShare = await audits.GetSeriesAsync(productId, AuditPoints.DriftShare, null, null, null, null, ct, includeShadow: false),
            DriftShareThreshold = threshold,
            Releases = await audits.GetReleasesAsync(productId, ct),
        };
    }
}
