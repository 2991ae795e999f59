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
    public async Task Render_UnknownId_ShowsFriendlyNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<BatchDetailPage>(ps => ps.Add(p => p.BatchId, 999_999));

        cut.WaitForAssertion(() => Assert.Contains("Batch 999999 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }
}
