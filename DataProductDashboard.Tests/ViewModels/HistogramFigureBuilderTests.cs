using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor.LayoutLib.ShapeLib;
using Bar = Plotly.Blazor.Traces.Bar;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class HistogramFigureBuilderTests
{
    [Fact]
    public void Build_WithCounts_PlacesOneBarPerBinAtItsCentre()
    {
        var figure = HistogramFigureBuilder.Build(new Histogram([0, 10, 20, 30], [5, 0, 7]), "Predicted cnt (label units)");

        var bar = Assert.IsType<Bar>(Assert.Single(figure.Data));
        Assert.False(figure.IsEmpty);
        Assert.Equal(12, figure.TotalCount);
        Assert.Equal(new object[] { 5.0, 15.0, 25.0 }, bar.X);
        Assert.Equal(new object[] { 5L, 0L, 7L }, bar.Y);
        Assert.Equal(10m, bar.Width);
        Assert.Equal(new object[] { "[0, 10)", "[10, 20)", "[20, 30]" }, bar.CustomData);
        Assert.Equal("Predicted cnt (label units)", figure.Layout.XAxis[0].Title.Text);
        Assert.Equal("Rows", figure.Layout.YAxis[0].Title.Text);
    }

    [Fact]
    public void Build_NullOrEmptyHistogram_IsEmpty()
    {
        Assert.True(HistogramFigureBuilder.Build(null, "x").IsEmpty);
        Assert.True(HistogramFigureBuilder.Build(Histogram.Empty, "x").IsEmpty);
        Assert.True(HistogramFigureBuilder.Build(new Histogram([0, 1], [0]), "x").IsEmpty);
    }

    [Fact]
    public void Build_WithMarker_AddsDashedVerticalLineAndLabel()
    {
        var figure = HistogramFigureBuilder.Build(new Histogram([0, 1, 2], [1, 1]), "x", marker: 1.25, markerLabel: "mean 1.25");

        var line = Assert.Single(figure.Layout.Shapes);
        Assert.Equal(TypeEnum.Line, line.Type);
        Assert.Equal(1.25, line.X0);
        Assert.Equal(1.25, line.X1);
        Assert.Equal("paper", line.YRef);
        Assert.Equal("dash", line.Line.Dash);
        Assert.Equal("mean 1.25", Assert.Single(figure.Layout.Annotations).Text);
    }

    [Fact]
    public void Build_EmptyWithMarker_AddsNoMarker()
    {
        var figure = HistogramFigureBuilder.Build(Histogram.Empty, "x", marker: 3);

        Assert.Empty(figure.Layout.Shapes);
    }

    [Theory]
    [InlineData(TaskType.Regression, "cnt", null, "Predicted cnt (label units)")]
    [InlineData(TaskType.BinaryClassification, "credit_risk", "2", "P(credit_risk = 2) (probability 0–1)")]
    public void PredictionAxisTitle_Task_NamesLabelAndUnits(TaskType task, string label, string? positive, string expected) =>
        Assert.Equal(expected, HistogramFigureBuilder.PredictionAxisTitle(task, label, positive));
}
