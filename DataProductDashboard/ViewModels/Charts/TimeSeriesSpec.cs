using DataProductDashboard.Services.Audit;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Everything a time-series chart shows: lines, optional bands, an optional horizontal line (threshold or
/// hold-out value) and model-version release markers. <see cref="YTitle"/> carries the unit, e.g. "Missing cells (%)".</summary>
public sealed record TimeSeriesSpec(string YTitle, IReadOnlyList<TimeSeriesLine> Lines)
{
    /// <summary>The time axis title; by default "Batch received" with the zone of <see cref="Zone"/>.</summary>
    public string? XTitle { get; init; }
    /// <summary>The product's display time zone: the time axis and hover texts are in it.</summary>
    public Formatting.ZonedDisplay Zone { get; init; } = Formatting.ZonedDisplay.Utc;
    public TimeSeriesBand? Band { get; init; }
    /// <summary>Further bands drawn after <see cref="Band"/> (an estimate's band beside a measured value's interval).</summary>
    public IReadOnlyList<TimeSeriesBand> MoreBands { get; init; } = [];
    public double? Threshold { get; init; }
    public string? ThresholdLabel { get; init; }
    /// <summary>Release markers at their place on this axis (see <see cref="Time.ReleasePlacement"/>).</summary>
    public IReadOnlyList<ReleaseMarker> Releases { get; init; } = [];
    /// <summary>The chosen time range: the x axis spans it, and points outside it are counted in the figure's note
    /// instead of drawn. Null: the axis spans the points.</summary>
    public Time.TimeWindow? Window { get; init; }
    /// <summary>Values are shares 0–1 shown as percentages.</summary>
    public bool Percent { get; init; }
    /// <summary>The y axis starts at zero (counts, durations, shares).</summary>
    public bool FromZero { get; init; } = true;
    public int Height { get; init; } = 300;
    /// <summary>A few far outliers (one slow batch) are cut off above the bulk with a note such as "1 point above
    /// 5,000 µs not shown" instead of flattening every other point (see <see cref="OutlierClip"/>). Off by default:
    /// on drift or quality charts a spike is the news.</summary>
    public bool ClipOutliers { get; init; }
    /// <summary>The values' unit for notes ("µs", "seconds"); percentages when <see cref="Percent"/>.</summary>
    public string? Unit { get; init; }
}
