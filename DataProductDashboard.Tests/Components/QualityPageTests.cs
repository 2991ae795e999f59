using Bunit;
using Microsoft.AspNetCore.Components;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Components.Pages.Audit;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class QualityPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_SeededProduct_ShowsNewestBatchCardsColumnTableAndCharts()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<QualityPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=quality-cards]")));
        Assert.Contains("Columns of batch #2", cut.Markup);
        Assert.Contains("0 %", cut.Find("[data-testid=stat-dq-missing]").TextContent);
        Assert.Contains("12 rows", cut.Find("[data-testid=stat-dq-volume]").TextContent);
        Assert.Contains("no event-time column: arrival time is used", cut.Find("[data-testid=stat-dq-lag]").TextContent); // RentalsSchema has none
        var rows = cut.FindAll("#quality-table [data-testid=quality-row]").Select(r => r.GetAttribute("data-column")).ToList();
        Assert.Equal(["id", "hr", "temp"], rows);
        Assert.NotNull(cut.Find("#quality-table-export"));
        var charts = cut.FindComponents<TimeSeriesChart>();
        Assert.Equal(["missing-share-chart", "event-lag-chart", "volume-ratio-chart", "coverage-chart"], charts.Select(c => c.Instance.Id));
        Assert.False(charts[3].Instance.Figure.IsEmpty); // both seeded batches were judged against the champion's training data
        Assert.StartsWith("Batch #2: ", cut.Find("[data-testid=coverage-sentence]").TextContent);
        Assert.Contains("of rows covered", cut.Find("[data-testid=coverage-sentence]").TextContent);
        Assert.False(charts[0].Instance.Figure.IsEmpty);
        Assert.Single(charts[0].Instance.Figure.Data); // no column has missing cells, so only "All cells"
    }

    [Fact]
    public async Task Render_BatchAndColumnInQuery_SelectsThemAndChartsTheColumn()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        Service<NavigationManager>().NavigateTo($"/products/{data.RentalsId}/quality?batch={data.OldBatchId}&column=temp");

        var cut = Render<QualityPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Contains("Columns of batch #1", cut.Markup));
        Assert.Contains("10 rows", cut.Find("[data-testid=stat-dq-volume]").TextContent);
        var missing = cut.FindComponents<TimeSeriesChart>()[0].Instance.Figure;
        Assert.Equal(2, missing.Data.Count);
        Assert.Contains("'temp'", cut.Find("[data-testid=chart-missing]").TextContent);
    }

    [Fact]
    public async Task Render_FilterText_HidesOtherColumns()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var cut = Render<QualityPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#quality-table")));

        cut.Find("input[placeholder='Filter by column']").Input("tem");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#quality-table [data-testid=quality-row]")));
    }

    [Fact]
    public async Task Render_ProductWithoutBatches_ShowsEmptyState()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<QualityPage>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("No batches yet", cut.Find("[data-testid=audit-empty-batches]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=audit-toolbar]"));
    }

    [Fact]
    public async Task Render_UnknownProduct_ShowsNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<QualityPage>(ps => ps.Add(p => p.ProductId, 999_999));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=not-found]")));
    }
}
