using DataProductDashboard.Services.Audit;
using DataProductDashboard.ViewModels.Charts;
using Time = DataProductDashboard.ViewModels.Time;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class TimeSeriesFigureBuilderTests
{
    private static readonly DateTime T0 = new(2012, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    private static TimePoint[] Points(params double[] values) => values.Select((v, i) => new TimePoint(T0.AddDays(7 * i), v)).ToArray();

    [Fact]
    public void Build_TwoLines_OneScatterPerLineWithAxisTitlesAndLegend()
    {
        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("Missing share (% of cells)",
            [new TimeSeriesLine("All cells", Points(0.1, 0.2, 0.3)), new TimeSeriesLine("'temp'", Points(0, 0.5))]) { Percent = true });

        Assert.False(figure.IsEmpty);
        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["All cells", "'temp'"], traces.Select(t => t.Name));
        Assert.Equal(new object[] { 0.1, 0.2, 0.3 }, traces[0].Y);
        Assert.Equal(new object[] { T0, T0.AddDays(7), T0.AddDays(14) }, traces[0].X);
        Assert.Equal("Missing share (% of cells)", figure.Layout.YAxis[0].Title.Text);
        Assert.Equal("Batch received (UTC)", figure.Layout.XAxis[0].Title.Text);
        Assert.Equal(".0%", figure.Layout.YAxis[0].TickFormat);
        Assert.True(figure.Layout.ShowLegend);
    }

    [Fact]
    public void Build_ProductTimeZone_PlotsLocalTimesAndNamesTheZone()
    {
        var zone = DataProductDashboard.ViewModels.Formatting.ZonedDisplay.For("Asia/Shanghai");

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(1, 2))]) { Zone = zone });

        Assert.Equal(new object[] { T0.AddHours(8), T0.AddDays(7).AddHours(8) }, figure.Data.Cast<Scatter>().Single().X.Select(x => (object)DateTime.SpecifyKind((DateTime)x, DateTimeKind.Utc)));
        Assert.Equal("Batch received (Asia/Shanghai (UTC+08:00))", figure.Layout.XAxis[0].Title.Text);
    }

    [Fact]
    public void Build_NoPointsOrOnlyNaN_IsEmpty()
    {
        Assert.True(TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [])).IsEmpty);
        Assert.True(TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(double.NaN))])).IsEmpty);
    }

    [Fact]
    public void Build_NaNValues_AreDropped()
    {
        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(1, double.NaN, 3))]));

        Assert.Equal(new object[] { 1.0, 3.0 }, Assert.IsType<Scatter>(Assert.Single(figure.Data)).Y);
        Assert.False(figure.Layout.ShowLegend);
    }

    [Fact]
    public void Build_Threshold_AddsDashedHorizontalLineWithLabel()
    {
        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(1, 2))]) { Threshold = 0.5, ThresholdLabel = "dataset drift at 50 %" });

        var line = Assert.Single(figure.Layout.Shapes);
        Assert.Equal("paper", line.XRef);
        Assert.Equal(0.5, line.Y0);
        Assert.Equal(0.5, line.Y1);
        Assert.Equal("dash", line.Line.Dash);
        Assert.Equal("dataset drift at 50 %", Assert.Single(figure.Layout.Annotations).Text);
    }

    [Fact]
    public void Build_Releases_MarksOnlyThoseInsideTheChartedRangeWithVersionLabels()
    {
        var releases = new[]
        {
            new ReleaseMarker(1, T0.AddDays(-30), "FastTree (Regression)"),
            new ReleaseMarker(2, T0.AddDays(10), "LightGbm (Regression)"),
            new ReleaseMarker(3, T0.AddDays(400), "Sdca (Regression)"),
        };

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(1, 2, 3))]) { Releases = releases });

        var marker = Assert.Single(figure.Layout.Shapes);
        Assert.Equal("x", marker.XRef);
        Assert.Equal("paper", marker.YRef);
        Assert.Equal(T0.AddDays(10), marker.X0);
        var label = Assert.Single(figure.Layout.Annotations);
        Assert.Equal("v2", label.Text);
        Assert.Contains("LightGbm", label.HoverText);
    }

    [Fact]
    public void Build_Band_AddsTwoFilledTracesBeforeTheLines()
    {
        var band = new TimeSeriesBand("95 % CI", [new TimeBandPoint(T0, 1, 3), new TimeBandPoint(T0.AddDays(7), 2, 4)]);

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("MAE (cnt units)", [new TimeSeriesLine("MAE", Points(2, 3))]) { Band = band });

        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(3, traces.Count);
        Assert.Equal(new object[] { 3.0, 4.0 }, traces[0].Y);
        Assert.Equal(new object[] { 1.0, 2.0 }, traces[1].Y);
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY, traces[1].Fill);
        Assert.Equal("MAE", traces[2].Name);
    }

    [Fact]
    public void Build_TwoBands_DrawsEachFilledInItsOwnColourBeforeTheLines()
    {
        var measured = new TimeSeriesBand("95 % CI", [new TimeBandPoint(T0, 1, 3)]);
        var estimate = new TimeSeriesBand("estimate ± 3 SE", [new TimeBandPoint(T0, 0.5, 2.5), new TimeBandPoint(T0.AddDays(7), double.NaN, 1)], "#123456");

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("MAE", Points(2))]) { Band = measured, MoreBands = [estimate] });

        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["95 % CI (high)", "95 % CI", "estimate ± 3 SE (high)", "estimate ± 3 SE", "MAE"], traces.Select(t => t.Name));
        Assert.Equal(new object[] { 0.5 }, traces[3].Y);
        Assert.Equal("#123456", traces[3].Line.Color);
        Assert.True(figure.Layout.ShowLegend);
    }

    [Fact]
    public void Build_BandOnly_IsNotEmpty()
    {
        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", []) { Band = new TimeSeriesBand("b", [new TimeBandPoint(T0, 1, 2)]) });

        Assert.False(figure.IsEmpty);
    }

    /// <summary>The demo's 78 weekly batches of July 2011 – December 2012 and a first upload of May 2026.</summary>
    private static readonly DateTime Upload2026 = new(2026, 5, 9, 7, 0, 0, DateTimeKind.Utc);

    private static TimePoint[] TwoEras()
    {
        var first = new DateTime(2011, 7, 11, 6, 0, 0, DateTimeKind.Utc);
        return [.. Enumerable.Range(0, 78).Select(i => new TimePoint(first.AddDays(7 * i), 0.1)), new TimePoint(Upload2026, 0.2)];
    }

    private static Time.TimeWindow Window(Time.TimeRange range, TimePoint[] points) =>
        range.Resolve(points.Min(p => p.At), points.Max(p => p.At), DataProductDashboard.ViewModels.Formatting.ZonedDisplay.Utc)!;

    [Fact]
    public void Build_DefaultRangeOverTwoEras_DrawsTheRecentEraAndCountsTheOldBatches()
    {
        var points = TwoEras();
        var window = Window(Time.TimeRange.Default, points);

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", points)]) { Window = window });

        Assert.False(figure.IsEmpty);
        Assert.Equal(new object[] { Upload2026 }, Assert.IsType<Scatter>(Assert.Single(figure.Data)).X);
        var air = Time.TimeAxis.Air(window);
        Assert.Equal(new object[] { window.From - air, window.To + air }, figure.Layout.XAxis[0].Range);
        Assert.Equal("%b %d", figure.Layout.XAxis[0].TickFormat);
        Assert.Equal("78 batches before this range", figure.Note);
    }

    [Fact]
    public void Build_CustomRangeOnTheOldEra_CountsTheLaterUploadAfterIt()
    {
        var points = TwoEras();
        var window = Window(Time.TimeRange.Parse(null, "2012-10-01", "2012-12-31"), points);

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", points), new TimeSeriesLine("b", points)]) { Window = window });

        var drawn = figure.Data.Cast<Scatter>().First().X.Cast<DateTime>().ToList();
        Assert.All(drawn, x => Assert.True(window.Contains(x)));
        Assert.Equal(14, drawn.Count); // the Mondays 2012-10-01 … 2012-12-31
        // Two lines over the same batches: each batch is counted once.
        Assert.Equal("64 batches before this range, 1 after", figure.Note);
    }

    [Fact]
    public void Build_AllOverTwoEras_YearTicksAndNothingOutside()
    {
        var points = TwoEras();

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", points)]) { Window = Window(Time.TimeRange.All, points) });

        Assert.Equal(79, figure.Data.Cast<Scatter>().Single().X.Count);
        Assert.Equal("%Y", figure.Layout.XAxis[0].TickFormat);
        Assert.Null(figure.Note);
    }

    [Fact]
    public void Build_EveryPointOutsideTheRange_IsEmptyButSaysWhere()
    {
        var points = TwoEras()[..78];
        var window = new Time.TimeWindow(Upload2026.AddDays(-30), Upload2026.AddDays(1));

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", points)]) { Window = window });

        Assert.True(figure.IsEmpty);
        Assert.Equal("78 batches before this range", figure.Note);
    }

    [Fact]
    public void Build_ReleaseMarkers_OnlyThoseInsideTheRangeAtTheirTime()
    {
        var points = TwoEras();
        var window = Window(Time.TimeRange.Parse(null, "2012-01-01", "2012-06-30"), points);
        ReleaseMarker[] releases =
        [
            new(1, new DateTime(2011, 7, 11, 6, 0, 0, DateTimeKind.Utc), "FastTree"),
            new(2, new DateTime(2012, 3, 5, 12, 0, 0, DateTimeKind.Utc), "FastTree"),
            new(3, Upload2026, "LightGbm"),
        ];

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", points)]) { Window = window, Releases = releases });

        var line = Assert.Single(figure.Layout.Shapes, s => s.YRef == "paper");
        Assert.Equal(new DateTime(2012, 3, 5, 12, 0, 0), (DateTime)line.X0);
        Assert.Equal(["v2"], figure.Layout.Annotations.Select(a => a.Text));
    }

    [Fact]
    public void Build_ReleaseMarkerInTheProductsZone_SitsOnTheSameLocalAxisAsThePoints()
    {
        var zone = DataProductDashboard.ViewModels.Formatting.ZonedDisplay.For("Asia/Shanghai");
        var window = new Time.TimeWindow(T0, T0.AddDays(28));

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(1, 2, 3))])
        {
            Zone = zone, Window = window, Releases = [new ReleaseMarker(2, T0.AddDays(7), "FastTree")],
        });

        var point = (DateTime)figure.Data.Cast<Scatter>().Single().X[1];
        Assert.Equal(point, (DateTime)figure.Layout.Shapes.Single(s => s.YRef == "paper").X0);
        Assert.Equal(T0.AddHours(8) - Time.TimeAxis.Air(window), DateTime.SpecifyKind((DateTime)figure.Layout.XAxis[0].Range[0], DateTimeKind.Utc));
    }

    [Fact]
    public void Build_OnePointWithoutARange_AxisSpansADayNotMilliseconds()
    {
        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("y", [new TimeSeriesLine("a", Points(1))]));

        var range = figure.Layout.XAxis[0].Range.Cast<DateTime>().ToList();
        Assert.Equal(TimeSpan.FromDays(1) + (2 * (TimeSpan.FromDays(1) / 60)), range[1] - range[0]);
        Assert.Equal("%H:%M", figure.Layout.XAxis[0].TickFormat);
    }
}
