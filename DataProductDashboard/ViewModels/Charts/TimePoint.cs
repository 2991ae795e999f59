namespace DataProductDashboard.ViewModels.Charts;

/// <summary>One value of a series at a time (UTC).</summary>
public readonly record struct TimePoint(DateTime At, double Value);
