using Bunit;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Components.Charts;
using DataProductDashboard.Tests.TestSupport;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.Tests.Components;

public sealed class HistogramChartTests : BunitTestContext
{
    [Fact]
    public async Task Render_EmptyFigure_ShowsEmptyStateText()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<HistogramChart>(ps => ps
            .Add(p => p.Figure, HistogramFigureBuilder.Build(Histogram.Empty, "Predicted cnt"))
            .Add(p => p.EmptyText, "No prediction profile"));

        Assert.Contains("No prediction profile", cut.Find("[data-testid=histogram-empty]").TextContent);
    }

    [Fact]
    public async Task Render_FigureWithCounts_RendersPlotlyContainer()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<HistogramChart>(ps => ps
            .Add(p => p.Figure, HistogramFigureBuilder.Build(new Histogram([0, 1, 2], [3, 4]), "Predicted cnt"))
            .Add(p => p.Id, "chart-under-test"));

        Assert.Empty(cut.FindAll("[data-testid=histogram-empty]"));
        Assert.NotNull(cut.Find("#chart-under-test-plot"));
    }
}
