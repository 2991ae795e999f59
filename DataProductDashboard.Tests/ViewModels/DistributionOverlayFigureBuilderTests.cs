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

    [Fact]
    public void Build_LongBinLabels_AxesGrowTheirMarginsAndTitlesStandOffFromTheTicks()
    {
        var figure = DistributionOverlayFigureBuilder.Build(new ColumnDistribution("temp", "Numeric", ["[0.02, 0.1149)", "[0.1149, 0.2098]"], [0.5, 0.5], [0.4, 0.6], 5, 5));

        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True, figure.Layout.XAxis[0].AutoMargin);
        Assert.Equal(ChartStyle.TitleStandoff, figure.Layout.XAxis[0].Title.Standoff);
        Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, figure.Layout.YAxis[0].AutoMargin);
    }

    [Fact]
    public void Build_IntegerColumnPerValue_OneBarPerValueLabelledWithIt()
    {
        var reference = Enumerable.Range(1, 12).SelectMany(m => Enumerable.Repeat((double)m, 5)).ToArray();
        var distribution = ColumnDistribution.Of(ColumnPair.Numeric("mnth", NumericSample.From(reference), NumericSample.From([12.0, 12.0])));

        var figure = DistributionOverlayFigureBuilder.Build(distribution);

        var bars = figure.Data.Cast<Bar>().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => (object)m.ToString(System.Globalization.CultureInfo.InvariantCulture)), bars[0].X);
        Assert.Equal(12, bars[1].Y.Count);
        Assert.Equal(1.0, (double)bars[1].Y[11]!);
        Assert.Equal("mnth (value)", figure.Layout.XAxis[0].Title.Text);
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, figure.Layout.XAxis[0].Type);
    }

    [Theory]
    [InlineData("Categorical", false, "season (category)")]
    [InlineData("Numeric", true, "season (value)")]
    [InlineData("Numeric", false, "season (value bin)")]
    public void AxisTitle_KindAndBinning_NamesWhatABarIs(string kind, bool perValue, string expected) =>
        Assert.Equal(expected, DistributionOverlayFigureBuilder.AxisTitle(new ColumnDistribution("season", kind, ["1"], [1], [1], 1, 1, perValue)));
}
