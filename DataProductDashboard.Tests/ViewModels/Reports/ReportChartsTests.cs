using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Reports;

namespace DataProductDashboard.Tests.ViewModels.Reports;

public sealed class ReportChartsTests
{
    [Fact]
    public void For_Product_ChartsEachKpiThenPerformanceThenDriftWithTheirThresholds()
    {
        var charts = ReportCharts.For(ReportSamples.Data());

        Assert.Equal(["report-kpi-7", ReportCharts.PerformanceId, ReportCharts.DriftId], charts.Select(c => c.Id));
        Assert.Equal(100, charts[0].Spec.Threshold);
        Assert.NotNull(charts[0].Kpi);
        Assert.Equal(8, charts[1].Spec.Threshold);
        Assert.Equal("perf.mae", charts[1].MetricKey);
        Assert.Equal([8.5, 12.5], charts[1].Spec.Lines.Single().Points.Select(p => p.Value));
        Assert.True(charts[2].Spec.Percent);
        Assert.Equal(0.5, charts[2].Spec.Threshold);
    }

    [Fact]
    public void For_LongDailyKpi_ChartsTheStretchTheKpiPageOpensOn()
    {
        var data = ReportSamples.Data();
        var detail = ReportSamples.KpiDetail();
        var definition = detail.Definition with { Period = KpiPeriod.Day };
        var values = Enumerable.Range(0, 200).Select(i => new KpiPoint(ReportSamples.Start.AddDays(i), null, 100 + i, 1, true, false, KpiStatus.OnTarget, 0)).ToList();

        var chart = ReportCharts.For(data with { Kpis = [detail with { Definition = definition, Values = values }] })[0];

        var points = chart.Spec.Lines.Single().Points;
        Assert.Equal(120, points.Count);
        Assert.Equal(ReportSamples.Start.AddDays(199), points[^1].At);
        Assert.Contains("the newest 120 days", chart.Caption);
    }

    [Fact]
    public void For_NoLabelledBatches_PerformanceChartIsEmptyAndSaysWhy()
    {
        var chart = ReportCharts.For(ReportSamples.Data() with { Performance = [] }).Single(c => c.Id == ReportCharts.PerformanceId);

        Assert.True(chart.IsEmpty);
        Assert.Equal("No labelled batches yet", chart.EmptyText);
    }
}
