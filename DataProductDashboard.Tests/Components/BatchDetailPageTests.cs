using Bunit;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Components.Pages.Batches;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class BatchDetailPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_ScoredBatch_ShowsStatsChartAndPredictions()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, data.NewBatchId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=batch-stats]")));
        Assert.Contains(UiTestData.NewBatchFile, cut.Find("[data-testid=batch-header]").TextContent);
        Assert.Equal("Batch #2", cut.Find("#page-title").TextContent.Trim());
        Assert.Contains("12", cut.Find("[data-testid=stat-rows]").TextContent);
        Assert.Contains("µs", cut.Find("[data-testid=stat-latency]").TextContent);
        Assert.Contains("rows/s", cut.Find("[data-testid=stat-throughput]").TextContent);
        var chart = cut.FindComponent<HistogramChart>();
        Assert.False(chart.Instance.Figure.IsEmpty);
        Assert.Equal(12, chart.Instance.Figure.TotalCount);
        Assert.NotNull(cut.Find("#prediction-histogram"));
        Assert.Equal($"/api/batches/{data.NewBatchId}/predictions?format=csv", cut.Find("#download-predictions").GetAttribute("href"));
        Assert.Equal(12, cut.Find("[data-testid=predictions-table]").QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Render_ProductWithoutEventTime_SaysArrivalTimeIsUsed()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, data.NewBatchId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=stat-event-time]")));
        Assert.Contains("arrival time", cut.Find("[data-testid=stat-event-time]").TextContent);
        Assert.Contains("no event-time column: arrival time is used", cut.Find("[data-testid=stat-event-time]").TextContent);
    }

    [Fact]
    public async Task Render_UnknownId_ShowsFriendlyNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, 999_999));

        cut.WaitForAssertion(() => Assert.Contains("Batch 999999 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public async Task Render_AuditedBatch_ShowsQualityDriftAndNoLabelsYet()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, data.NewBatchId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=batch-audit]")));
        Assert.NotNull(cut.Find("#batch-quality"));
        Assert.Equal(3, cut.FindAll("#quality-table [data-testid=quality-row]").Count);
        Assert.Equal(2, cut.FindAll("#batch-drift-table [data-testid=drift-row]").Count);
        Assert.Contains("features drifted", cut.Find("[data-testid=drift-verdict-text]").TextContent);
        Assert.Contains("No labels yet", cut.Find("[data-testid=batch-no-labels]").TextContent);
    }

    [Fact]
    public async Task Render_LabelledBatch_ShowsPerformanceAndConceptDrift()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, data.OldBatchId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=performance-summary]")));
        Assert.Contains("MAE", cut.Find("[data-testid=performance-metrics]").TextContent);
        Assert.Contains("hold-out", cut.Find("[data-testid=concept-batch-text]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=batch-no-labels]"));
    }
}
