namespace DataProductDashboard.Analysis.Gates;

/// <summary>Groups of metric keys, as the gate editor lists them.</summary>
public enum MetricFamily { DataQuality, Drift, Behavior, Performance, Fairness, Release }
