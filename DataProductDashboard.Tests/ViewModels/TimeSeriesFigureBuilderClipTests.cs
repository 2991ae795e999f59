using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels;

/// <summary>The y clipping of <see cref="TimeSeriesFigureBuilder"/> (kept apart from the time-axis tests).</summary>
public sealed class TimeSeriesFigureBuilderClipTests
{
    private static readonly DateTime T0 = new(2012, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    private static TimePoint[] Points(IEnumerable<double> values) => values.Select((v, i) => new TimePoint(T0.AddDays(7 * i), v)).ToArray();

    // Thirty batches' p95 latency between 3,000 and 4,400 µs, the twentieth at 250,000 µs.
    private static double[] WithSpike() => Enumerable.Range(0, 30).Select(i => i == 19 ? 250_000 : 3000 + (50.0 * i)).ToArray();

    private static TimeSeriesSpec Latency(double[] values) =>
        new("Latency per row (µs)", [new TimeSeriesLine("p95", Points(values))]) { ClipOutliers = true, Unit = "µs" };

    [Fact]
    public void Build_ClipOutliersWithOneSpike_YAxisStopsAboveTheBulkWithANote()
    {
        var figure = TimeSeriesFigureBuilder.Build(Latency(WithSpike()));

        var range = figure.Layout.YAxis[0].Range;
        Assert.Equal(0.0, Assert.IsType<double>(range[0]));
        Assert.Equal(5000.0, Assert.IsType<double>(range[1]));
        var note = Assert.Single(figure.Layout.Annotations);
        Assert.Equal("1 point above 5,000 µs not shown", note.Text);
        // The line keeps the spike: the hover still gives its value.
        Assert.Contains(250_000.0, Assert.IsType<Scatter>(Assert.Single(figure.Data)).Y.Cast<double>());
    }

    [Fact]
    public void Build_ClipOutliersSmallRoundTop_NoteWithoutTrailingZeros()
    {
        var seconds = Enumerable.Range(0, 30).Select(i => i == 3 ? 0.04 : 0.001 + (0.00003 * i)).ToArray();

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("Scoring time (seconds)", [new TimeSeriesLine("Scoring", Points(seconds))])
        {
            ClipOutliers = true, Unit = "s",
        });

        Assert.Equal("1 point above 0.0025 s not shown", Assert.Single(figure.Layout.Annotations).Text);
    }

    [Fact]
    public void Build_ClipOutliersOff_AxisAutoRangedWithoutNote()
    {
        var figure = TimeSeriesFigureBuilder.Build(Latency(WithSpike()) with { ClipOutliers = false });

        Assert.Null(figure.Layout.YAxis[0].Range);
        Assert.Empty(figure.Layout.Annotations);
    }

    [Fact]
    public void Build_ClipOutliersWithoutSpike_AxisAutoRanged()
    {
        var figure = TimeSeriesFigureBuilder.Build(Latency(Enumerable.Range(0, 30).Select(i => 3000 + (50.0 * i)).ToArray()));

        Assert.Null(figure.Layout.YAxis[0].Range);
        Assert.Empty(figure.Layout.Annotations);
    }

    [Fact]
    public void Build_ClipOutliersNotFromZero_RangeStartsJustBelowTheLowestValue()
    {
        var figure = TimeSeriesFigureBuilder.Build(Latency(WithSpike()) with { FromZero = false });

        var low = Assert.IsType<double>(figure.Layout.YAxis[0].Range[0]);
        Assert.InRange(low, 2800, 3000);
    }

    [Fact]
    public void Build_ClipOutliersPercent_NoteInPercent()
    {
        var shares = Enumerable.Range(0, 30).Select(i => i == 5 ? 0.9 : 0.01 + (0.0005 * i)).ToArray();

        var figure = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("Missing share (% of cells)", [new TimeSeriesLine("all", Points(shares))])
        {
            Percent = true, ClipOutliers = true,
        });

        Assert.Equal("1 point above 3% not shown", Assert.Single(figure.Layout.Annotations).Text);
    }
}
