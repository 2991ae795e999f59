using System.Globalization;
using DataProductDashboard.ViewModels.Formatting;
using Plotly.Blazor.LayoutLib;

namespace DataProductDashboard.ViewModels.Time;

/// <summary>What every time chart's x axis shares: its range is the chosen <see cref="TimeWindow"/> (in the product's
/// zone), its tick labels follow the span (never milliseconds), and what falls outside is counted, not drawn.</summary>
public static class TimeAxis
{
    private const long DayMilliseconds = 86_400_000;

    /// <summary>The Plotly (d3) tick format for a span: hours under 2 days, days under ~3 months, months under 2 years,
    /// years beyond.</summary>
    public static string TickFormat(TimeSpan span) => span switch
    {
        _ when span < TimeSpan.FromDays(2) => "%H:%M",
        _ when span < TimeSpan.FromDays(95) => "%b %d",
        _ when span < TimeSpan.FromDays(730) => "%b %Y",
        _ => "%Y",
    };

    /// <summary>The hover label of a time: to the minute, never milliseconds.</summary>
    public const string HoverFormat = "%Y-%m-%d %H:%M";

    /// <summary>Sets the axis range to the window (in the product's zone) with a sliver of air on both sides (so a point
    /// on the window's edge, like the newest batch, shows whole), the tick format of its span, and one tick a day for
    /// short day-labelled spans (so two ticks never read the same day).</summary>
    public static void Apply(XAxis axis, TimeWindow? window, ZonedDisplay zone)
    {
        axis.Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date;
        axis.HoverFormat = HoverFormat;
        if (window is null)
            return;
        var air = Air(window);
        axis.Range = [zone.Local(window.From - air), zone.Local(window.To + air)];
        axis.TickFormat = TickFormat(window.Span);
        if (window.Span >= TimeSpan.FromDays(2) && window.Span <= TimeSpan.FromDays(10))
        {
            axis.TickMode = Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Linear;
            axis.Tick0 = zone.Local(window.From);
            axis.DTick = DayMilliseconds;
        }
    }

    /// <summary>Without a chosen range: the points' span with a little air on both sides (at least half a day), so a
    /// single point never gets Plotly's millisecond-wide autorange.</summary>
    public static TimeWindow? Around(IReadOnlyCollection<DateTime> times)
    {
        if (times.Count == 0)
            return null;
        var (first, last) = (times.Min(), times.Max());
        var air = TimeSpan.FromTicks(Math.Max((last - first).Ticks / 30, TimeSpan.FromHours(12).Ticks));
        return new TimeWindow(first - air, last + air);
    }

    /// <summary>The air on each side of the axis: 1/60 of the window's span.</summary>
    public static TimeSpan Air(TimeWindow window) => window.Span / 60;

    /// <summary>How many distinct times fall before and after the window (each a batch on a batch chart).</summary>
    public static (int Before, int After) Outside(IEnumerable<DateTime> times, TimeWindow? window)
    {
        if (window is null)
            return (0, 0);
        var distinct = times.Distinct().ToList();
        return (distinct.Count(t => t < window.From), distinct.Count(t => t >= window.To));
    }

    /// <summary>"12 batches before this range", "3 batches after this range", "12 batches before this range, 3 after";
    /// null when nothing is outside.</summary>
    public static string? OutsideNote(int before, int after, string unit = "batch", string units = "batches")
    {
        string Count(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? unit : units)}");
        return (before, after) switch
        {
            (0, 0) => null,
            (> 0, 0) => $"{Count(before)} before this range",
            (0, > 0) => $"{Count(after)} after this range",
            _ => $"{Count(before)} before this range, {after} after",
        };
    }
}
