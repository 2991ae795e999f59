using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>One stored piece of a KPI period: an uploaded value (<paramref name="Weight"/> 1), or one batch's
/// contribution to the period — the sum of its row values in <paramref name="Value"/> and the number of rows counted in
/// <paramref name="Weight"/>. Weight 0 marks rows that arrived but are not counted yet (their labels are outstanding):
/// the period is pending.</summary>
public readonly record struct KpiObservation(DateTime PeriodStart, ExperimentArm? Arm, double Value, double Weight)
{
    public bool IsPending => Weight == 0;
}
