namespace DataProductDashboard.Analysis.Performance;

/// <summary>Whether production performance differs from the hold-out performance beyond noise.</summary>
public enum ConceptDriftVerdict { InsufficientData, Stable, Degraded, Improved }
