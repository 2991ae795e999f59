using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Time;
using Plotly.Blazor.LayoutLib;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class TimeAxisTests
{
    private static readonly DateTime T0 = new(2012, 10, 3, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0.5, "%H:%M")]
    [InlineData(1.9, "%H:%M")]
    [InlineData(2, "%b %d")]
    [InlineData(7, "%b %d")]
    [InlineData(30, "%b %d")]
    [InlineData(90, "%b %d")]
    [InlineData(120, "%b %Y")]
    [InlineData(729, "%b %Y")]
    [InlineData(731, "%Y")]
    [InlineData(14 * 365, "%Y")]
    public void TickFormat_Span_FollowsTheSpan(double days, string expected)
    {
        Assert.Equal(expected, TimeAxis.TickFormat(TimeSpan.FromDays(days)));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(28)]
    [InlineData(5000)]
    public void TickFormat_AnySpan_NeverSecondsOrMilliseconds(double days)
    {
        var format = TimeAxis.TickFormat(TimeSpan.FromDays(days));

        Assert.DoesNotContain("%S", format);
        Assert.DoesNotContain("%L", format);
        Assert.DoesNotContain("%f", format);
    }

    [Fact]
    public void Apply_Window_IsTheAxisRangeInTheProductsZoneWithItsTickFormat()
    {
        var axis = new XAxis();
        var zone = ZonedDisplay.For("Asia/Shanghai");

        TimeAxis.Apply(axis, new TimeWindow(T0, T0.AddDays(28)), zone);

        var air = TimeSpan.FromDays(28) / 60;
        Assert.Equal(new object[] { T0.AddHours(8) - air, T0.AddDays(28).AddHours(8) + air },
            axis.Range.Select(x => (object)DateTime.SpecifyKind((DateTime)x, DateTimeKind.Utc)));
        Assert.Equal("%b %d", axis.TickFormat);
        Assert.Equal(TimeAxis.HoverFormat, axis.HoverFormat);
        Assert.Null(axis.DTick);
    }

    [Fact]
    public void Apply_SevenDays_OneTickADaySoNoTwoTicksReadTheSameDay()
    {
        var axis = new XAxis();

        TimeAxis.Apply(axis, new TimeWindow(T0, T0.AddDays(7)), ZonedDisplay.Utc);

        Assert.Equal(86_400_000L, axis.DTick);
        Assert.Equal("%b %d", axis.TickFormat);
    }

    [Fact]
    public void Around_OnePoint_SpansADayNotAMillisecond()
    {
        var window = TimeAxis.Around([T0])!;

        Assert.Equal(TimeSpan.FromDays(1), window.Span);
        Assert.Equal("%H:%M", TimeAxis.TickFormat(window.Span));
        Assert.Null(TimeAxis.Around([]));
    }

    [Fact]
    public void Outside_DistinctTimes_CountedOncePerSide()
    {
        var window = new TimeWindow(T0, T0.AddDays(7));

        var (before, after) = TimeAxis.Outside([T0.AddDays(-1), T0.AddDays(-1), T0.AddDays(-2), T0, T0.AddDays(7)], window);

        Assert.Equal((2, 1), (before, after));
        Assert.Equal((0, 0), TimeAxis.Outside([T0.AddDays(-1)], null));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(12, 0, "12 batches before this range")]
    [InlineData(1, 0, "1 batch before this range")]
    [InlineData(0, 3, "3 batches after this range")]
    [InlineData(12, 3, "12 batches before this range, 3 after")]
    public void OutsideNote_Counts_SayWhatTheRangeLeavesOut(int before, int after, string? expected)
    {
        Assert.Equal(expected, TimeAxis.OutsideNote(before, after));
    }
}
