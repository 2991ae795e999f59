using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A KPI's value for one period: the overall value (<paramref name="Arm"/> null) or one A/B arm's.
/// <paramref name="Value"/> is null while nothing is counted (rows waiting for labels). <paramref name="Rows"/>: rows (or
/// uploaded values) combined. <paramref name="Complete"/>: final — only complete periods set the status and feed the
/// business-drift rule. <paramref name="Status"/> is the value against the target band.</summary>
public sealed record KpiPoint(DateTime Period, ExperimentArm? Arm, double? Value, double Rows, bool Complete, bool Pending, KpiStatus Status,
    double? RelativeGap);
