using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Insights;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Reports;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.ViewModels.Reports;

/// <summary>A regression product's report data built in memory: a KPI off target, a failed gate with evidence, MAE and
/// drift-share history, a release.</summary>
internal static class ReportSamples
{
    public const string BaseUrl = "https://dashboard.example.test";
    public static readonly DateTime Start = new(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);

    public static KpiDefinition Kpi(string description = "Rentals paid for per week") =>
        new(7, 3, "Weekly revenue", description, "kEUR", KpiDirection.HigherIsBetter, 100, 10, KpiPeriod.Week, KpiSource.Uploaded, null, null, null, null, 3, "pm", Start, Start);

    public static KpiDetail KpiDetail()
    {
        var d = Kpi();
        var overview = new KpiOverview(d.Id, d.ProductId, d.Name, d.Unit, d.Direction, d.Target, d.Tolerance, d.Period, d.Source, KpiStatus.OffTarget,
            null, null, null, null, "/products/3/kpis?kpi=7");
        KpiPoint[] values = [.. new[] { 104.0, 70, 60, 50 }.Select((v, i) => new KpiPoint(Start.AddDays(7 * i), null, v, 1, true, false, KpiStatus.OffTarget, (v - 100) / 100))];
        return new KpiDetail(d, overview, values, [], 3);
    }

    public static IReadOnlyList<Insight> Insights() =>
    [
        new(InsightSeverity.Critical, InsightTopic.Gates, "The latest batch failed a critical gate: 'Missing share of 'temp''.",
            [new InsightLink("Batch #2", "/batches/12"), new InsightLink("Gate history", "/products/3/gates")], Start.AddDays(20)),
        new(InsightSeverity.Warning, InsightTopic.Model,
            "Model v1 has degraded: MAE 12.5 on the latest labelled batches against 8 at hold-out (56% worse), more than chance explains: concept drift.",
            [new InsightLink("Model behavior", "/products/3/behavior")], null),
        new(InsightSeverity.Info, InsightTopic.Kpi, "Weekly revenue was on target in week 19: 104 kEUR against a target of 100.",
            [new InsightLink("Weekly revenue chart", "/products/3/kpis?kpi=7")], Start),
    ];

    public static ProductReportData Data(IReadOnlyList<Insight>? insights = null, string name = "Bike <rentals> & co")
    {
        var product = new ProductDetail(3, name, "Hourly rentals", "pm", TaskType.Regression, TestSchemas.Regression, 1, 1, 2, 80, Start.AddDays(20), Start);
        MetricSeriesPoint Point(int day, double value) => new(Start.AddDays(day), value, day, 1, null, null);
        return new ProductReportData
        {
            Product = product,
            Insights = new ProductInsights(3, name, Start.AddDays(21), insights ?? Insights()),
            Kpis = [KpiDetail()],
            PerformanceKey = "perf.mae",
            Performance = [Point(10, 8.5), Point(20, 12.5)],
            Holdout = 8,
            DriftShare = [Point(10, 0.25), Point(20, 0.75)],
            DriftShareThreshold = 0.5,
            Releases = [new ReleaseMarker(1, Start.AddDays(1), "FastTree")],
        };
    }
}
