namespace DataProductDashboard.ViewModels.Charts;

/// <summary>One interval of a band (e.g. a 95 % confidence interval, or mean ± std) at a time (UTC).</summary>
public readonly record struct TimeBandPoint(DateTime At, double Low, double High);
