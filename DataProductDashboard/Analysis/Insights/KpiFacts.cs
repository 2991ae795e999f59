using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Insights;

/// <summary>A KPI's latest complete period against its target band, and its business-drift finding if any.</summary>
public sealed record KpiFacts(int Id, string Name, string Unit, KpiDirection Direction, double Target, double Tolerance, KpiPeriod Period,
    KpiStatus Status, DateTime? LatestPeriod, double? LatestValue, double? RelativeGap, BusinessDriftFinding? Drift, string Link);
