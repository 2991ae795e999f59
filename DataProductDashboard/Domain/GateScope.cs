namespace DataProductDashboard.Domain;

/// <summary>Where a gate rule applies: every audited batch, or a candidate model version before release.</summary>
public enum GateScope { Batch, Release }
