using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>A KPI's value for one period (and arm, for per-arm series): <paramref name="Value"/> is null when nothing is
/// counted yet. <paramref name="Rows"/> is how many rows (or uploaded values) were combined. <paramref name="Pending"/>:
/// some of its rows still wait for labels. <paramref name="Complete"/>: no batch can change it any more — an uploaded
/// value, or a computed period that is not pending and has a later period with data after it. Only complete periods
/// count for the status and the business-drift rule.</summary>
public sealed record KpiPeriodValue(DateTime PeriodStart, ExperimentArm? Arm, double? Value, double Rows, bool Pending, bool Complete);
