namespace DataProductDashboard.ViewModels.Charts;

/// <summary>One line (with markers) of a time-series chart.</summary>
public sealed record TimeSeriesLine(string Name, IReadOnlyList<TimePoint> Points, string? Color = null, bool Dashed = false);
