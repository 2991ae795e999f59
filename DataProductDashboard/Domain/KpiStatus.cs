namespace DataProductDashboard.Domain;

/// <summary>A KPI's latest period against its target: at or better than the target (on target), worse but within the
/// tolerance (at risk), worse by more than the tolerance (off target), or no value yet.</summary>
public enum KpiStatus { NoData, OnTarget, AtRisk, OffTarget }
