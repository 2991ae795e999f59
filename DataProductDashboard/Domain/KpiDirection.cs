namespace DataProductDashboard.Domain;

/// <summary>Which way a KPI should move: rentals per day (higher is better) or cost per decision (lower is better).</summary>
public enum KpiDirection { HigherIsBetter, LowerIsBetter }
