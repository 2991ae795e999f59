namespace DataProductDashboard.ViewModels.Charts;

/// <summary>A shaded band between low and high over time.</summary>
public sealed record TimeSeriesBand(string Name, IReadOnlyList<TimeBandPoint> Points, string? Color = null);
