using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Insights;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Products;

namespace DataProductDashboard.Services.Reports;

/// <summary>Everything a product report shows: the product, its insights, its KPIs with their values per period, and
/// the history of the champion's main performance metric and of the drifted share of its inputs (the whole history,
/// the batches' own points; shadow points left out).</summary>
public sealed record ProductReportData
{
    public required ProductDetail Product { get; init; }
    public required ProductInsights Insights { get; init; }
    /// <summary>The product's KPIs (at most <see cref="ReportService.MaxKpis"/>), in the order the KPI page lists them.</summary>
    public required IReadOnlyList<KpiDetail> Kpis { get; init; }
    /// <summary>The catalog key of the performance metric charted: <c>perf.mae</c> for regression, else <c>perf.accuracy</c>.</summary>
    public required string PerformanceKey { get; init; }
    public required IReadOnlyList<MetricSeriesPoint> Performance { get; init; }
    /// <summary>The champion's hold-out value of the performance metric, when it has one.</summary>
    public double? Holdout { get; init; }
    public required IReadOnlyList<MetricSeriesPoint> DriftShare { get; init; }
    /// <summary>The drifted share at which the whole dataset counts as drifted.</summary>
    public required double DriftShareThreshold { get; init; }
    public required IReadOnlyList<ReleaseMarker> Releases { get; init; }
}
