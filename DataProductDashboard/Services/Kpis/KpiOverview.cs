using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>One KPI as the portfolio, the insights and the KPI page summarise it: its definition, its latest complete
/// period against the target band, and the open business-drift finding if the KPI is off target for a sustained run.
/// <paramref name="RelativeGap"/> = (latest − target) / |target|. <paramref name="Link"/> opens the KPI on its page.</summary>
public sealed record KpiOverview(int Id, int ProductId, string Name, string Unit, KpiDirection Direction, double Target, double Tolerance,
    KpiPeriod Period, KpiSource Source, KpiStatus Status, DateTime? LatestPeriod, double? LatestValue, double? RelativeGap,
    BusinessDriftFinding? Drift, string Link);
