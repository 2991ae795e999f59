namespace DataProductDashboard.Analysis.Drift;

/// <summary>A product's choice of method and/or threshold for one column (null: the default).</summary>
public sealed record DriftOverride(string? Method, double? Threshold);
