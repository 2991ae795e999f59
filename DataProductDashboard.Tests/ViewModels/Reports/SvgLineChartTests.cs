using System.Xml.Linq;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Reports;

namespace DataProductDashboard.Tests.ViewModels.Reports;

public sealed class SvgLineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateTime Day = new(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);

    private static TimeSeriesSpec Spec(params double[] values) =>
        new("MAE (cnt units)", [new TimeSeriesLine("MAE", values.Select((v, i) => new TimePoint(Day.AddDays(i), v)).ToList())]);

    [Fact]
    public void Render_ThreePoints_IsWellFormedSvgWithOnePolylineThroughThemAndAMarkerEach()
    {
        var svg = XElement.Parse(SvgLineChart.Render(Spec(1, 3, 2), "MAE over time"));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("MAE over time", svg.Element(Svg + "title")?.Value);
        var line = Assert.Single(svg.Elements(Svg + "polyline"));
        var points = line.Attribute("points")!.Value.Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(3, points.Count);
        Assert.True(points[0][0] < points[1][0] && points[1][0] < points[2][0], "time runs left to right");
        Assert.True(points[1][1] < points[2][1] && points[2][1] < points[0][1], "higher values are drawn higher (smaller y)");
        Assert.Equal(3, svg.Elements(Svg + "circle").Count());
    }

    [Fact]
    public void Render_AxisTitlesAndDates_AreWritten()
    {
        var texts = XElement.Parse(SvgLineChart.Render(Spec(1, 2), "t")).Elements(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("MAE (cnt units)", texts);
        Assert.Contains("Batch received (UTC)", texts);
        Assert.Contains(texts, t => t.StartsWith("05-06", StringComparison.Ordinal) || t == "2024-05-06");
    }

    [Fact]
    public void Render_ThresholdAndRelease_DrawsTheDashedLineWithItsLabelAndTheVersionMarker()
    {
        var spec = Spec(0.2, 0.4, 0.9) with
        {
            Threshold = 0.5, ThresholdLabel = "dataset drift at 50 %", Percent = true,
            Releases = [new ReleaseMarker(2, Day.AddDays(1), "FastTree"), new ReleaseMarker(9, Day.AddDays(30), "late")],
        };

        var svg = XElement.Parse(SvgLineChart.Render(spec, "drift"));

        var texts = svg.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("dataset drift at 50 %", texts);
        Assert.Contains("v2", texts);
        Assert.DoesNotContain("v9", texts);
        Assert.Contains("100%", texts);
        Assert.Single(svg.Elements(Svg + "line"), l => (string?)l.Attribute("stroke") == ChartStyle.Threshold);
    }

    [Fact]
    public void Render_NoFinitePoints_SaysNoValuesYet()
    {
        var svg = XElement.Parse(SvgLineChart.Render(Spec(double.NaN), "empty"));

        Assert.Empty(svg.Elements(Svg + "polyline"));
        Assert.Equal("No values yet", Assert.Single(svg.Elements(Svg + "text")).Value);
    }

    [Fact]
    public void Render_NamesWithMarkup_AreEscaped()
    {
        var spec = new TimeSeriesSpec("a < b & c", [new TimeSeriesLine("<script>x</script>", [new(Day, 1)]), new TimeSeriesLine("two", [new(Day, 2)])]);

        var text = SvgLineChart.Render(spec, "\"quoted\" <title>");

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        var svg = XElement.Parse(text);
        Assert.Contains("<script>x</script>", svg.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal("\"quoted\" <title>", svg.Element(Svg + "title")!.Value);
    }

    [Theory]
    [InlineData(0.13, 0.87, false, 0, 1, 0.2)]
    [InlineData(3, 17, true, 0, 20, 5)]
    [InlineData(12, 12, false, 10, 14, 1)]
    [InlineData(0, 0, true, 0, 1, 0.25)]
    [InlineData(-3, 4, false, -4, 4, 2)]
    public void Scale_Values_GivesRoundStepsCoveringThem(double min, double max, bool fromZero, double low, double high, double step)
    {
        var scale = SvgLineChart.Scale(min, max, fromZero);

        Assert.Equal(low, scale.Min, 9);
        Assert.Equal(high, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
    }
}
