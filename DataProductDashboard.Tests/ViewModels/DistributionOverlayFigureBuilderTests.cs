using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class DistributionOverlayFigureBuilderTests
{
    [Fact]
    public void Build_Distribution_GroupedReferenceAndCurrentBarsOverTheBins()
    {
        var distribution = new ColumnDistribution("season", "Categorical", ["1", "2", "3"], [0.2, 0.3, 0.5], [0.5, 0.3, 0.2], 1000, 168);

        var figure = DistributionOverlayFigureBuilder.Build(distribution);

        Assert.False(figure.IsEmpty);
        var bars = figure.Data.Cast<Bar>().ToList();
        Assert.Equal(["Reference (1,000 rows)", "Current (168 rows)"], bars.Select(b => b.Name));
        Assert.Equal(new object[] { "1", "2", "3" }, bars[0].X);
        Assert.Equal(new object[] { 0.2, 0.3, 0.5 }, bars[0].Y);
        Assert.Equal(new object[] { 0.5, 0.3, 0.2 }, bars[1].Y);
        Assert.Equal(BarModeEnum.Group, figure.Layout.BarMode);
        Assert.Equal("season (category)", figure.Layout.XAxis[0].Title.Text);
        Assert.Equal("Share of rows (%)", figure.Layout.YAxis[0].Title.Text);
    }

    [Fact]
    public void Build_NullNoBinsOrMismatchedLengths_IsEmpty()
    {
        Assert.True(DistributionOverlayFigureBuilder.Build(null).IsEmpty);
        Assert.True(DistributionOverlayFigureBuilder.Build(new ColumnDistribution("x", "Numeric", [], [], [], 0, 0)).IsEmpty);
        Assert.True(DistributionOverlayFigureBuilder.Build(new ColumnDistribution("x", "Numeric", ["a", "b"], [1], [0.5, 0.5], 1, 2)).IsEmpty);
    }

    [Fact]
    public void Build_CustomAxisTitle_IsUsed()
    {
        var figure = DistributionOverlayFigureBuilder.Build(new ColumnDistribution("temp", "Numeric", ["[0, 1)"], [1], [1], 5, 5), "temp (value bin)");

        Assert.Equal("temp (value bin)", figure.Layout.XAxis[0].Title.Text);
    }
}
