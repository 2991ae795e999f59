using System.Globalization;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Reports;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Kpis;

namespace DataProductDashboard.ViewModels.Reports;

/// <summary>The charts a product report needs: each KPI against its target, the champion's main performance metric
/// (accuracy, or MAE for regression) against its hold-out value, and the drifted share of the inputs against the
/// dataset-drift threshold, all over the product's whole history.</summary>
public static class ReportCharts
{
    public const string PerformanceId = "report-performance";
    public const string DriftId = "report-drift";

    public static IReadOnlyList<ReportChart> For(ProductReportData data)
    {
        var charts = data.Kpis.Select(Kpi).ToList();
        charts.Add(Performance(data));
        charts.Add(Drift(data));
        return charts;
    }

    public static string KpiId(int kpiId) => "report-kpi-" + kpiId.ToString(CultureInfo.InvariantCulture);

    private static ReportChart Kpi(KpiDetail detail)
    {
        var kpi = detail.Definition;
        var values = detail.Values.Where(v => v.Arm is null && v.Value is { } x && double.IsFinite(x)).OrderBy(v => v.Period).ToList();
        // The stretch the KPI page opens on (the newest 120 days or 78 weeks of a long history), so paper shows what the screen does.
        var window = KpiFigureBuilder.InitialRange(values.Select(v => v.Period).ToList(), kpi.Period);
        var points = values.Where(v => window is not { } w || (v.Period >= w.From && v.Period <= w.To))
            .Select(v => new TimePoint(v.Period, v.Value!.Value)).ToList();
        var spec = new TimeSeriesSpec(KpiFigureBuilder.YTitle(kpi), [new TimeSeriesLine(kpi.Name, points)])
        {
            XTitle = KpiDisplay.AxisTitle(kpi.Period),
            Threshold = kpi.Target,
            ThresholdLabel = $"target {KpiDisplay.Number(kpi.Target)}",
            FromZero = false,
        };
        return new ReportChart(KpiId(kpi.Id), kpi.Name,
            $"{KpiDisplay.Period(kpi.Period)} values{(window is null ? "" : $", the newest {points.Count} {KpiPeriods.Noun(kpi.Period)}s")}; "
            + $"target {KpiDisplay.TargetText(kpi.Direction, kpi.Target, kpi.Tolerance, kpi.Unit)}; {KpiDisplay.Direction(kpi.Direction).ToLowerInvariant()}.", spec) { Kpi = detail };
    }

    private static ReportChart Performance(ProductReportData data)
    {
        var product = data.Product;
        var regression = product.Task == TaskType.Regression;
        var name = MetricCatalog.NameOf(data.PerformanceKey);
        var label = product.Schema.Label?.Name ?? "label";
        var zone = ZonedDisplay.For(product.TimeZone);
        var holdout = data.Holdout is { } h && double.IsFinite(h) ? h : (double?)null;
        var spec = new TimeSeriesSpec(regression ? $"{name} ({label} units)" : $"{name} (%)",
            [new TimeSeriesLine(name, SeriesPoints.From(data.Performance))])
        {
            Zone = zone,
            Releases = data.Releases,
            Threshold = holdout,
            ThresholdLabel = holdout is { } v && product.ChampionVersion is { } version
                ? $"hold-out v{version}: {(regression ? Display.Number(v) : DriftDisplay.Percent(v))}" : null,
            Percent = !regression,
            FromZero = regression,
        };
        return new ReportChart(PerformanceId, $"{name} over time",
            (regression ? "The champion's mean absolute error on each batch's labelled rows; lower is better."
                : "The share of each batch's labelled rows the champion got right; higher is better.")
            + (holdout is null ? "" : " Dashed red: its value on the hold-out set.") + " Dotted: model releases.", spec)
        {
            MetricKey = data.PerformanceKey,
            EmptyText = "No labelled batches yet",
        };
    }

    private static ReportChart Drift(ProductReportData data)
    {
        var spec = new TimeSeriesSpec("Drifted features (% of features)", [new TimeSeriesLine("Drifted share", SeriesPoints.From(data.DriftShare))])
        {
            Zone = ZonedDisplay.For(data.Product.TimeZone),
            Releases = data.Releases,
            Threshold = data.DriftShareThreshold,
            ThresholdLabel = $"dataset drift at {DriftDisplay.Percent(data.DriftShareThreshold)}",
            Percent = true,
        };
        return new ReportChart(DriftId, $"{MetricCatalog.NameOf(Analysis.AuditPoints.DriftShare)} over time",
            "The share of the model's inputs whose distribution drifted from the training data, per batch. Dashed red: the share at which the whole dataset counts as drifted.",
            spec) { MetricKey = Analysis.AuditPoints.DriftShare, EmptyText = "No audited batches yet" };
    }
}
