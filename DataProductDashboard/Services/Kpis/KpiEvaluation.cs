using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Kpis;

/// <summary>A KPI judged on its stored values: the overall series, the newest complete period and its status, the
/// trailing off-target run and — when that run is sustained — its classified finding.</summary>
public sealed record KpiEvaluation(IReadOnlyList<KpiPeriodValue> Series, KpiPeriodValue? Latest, KpiStatus Status, KpiRun Run,
    BusinessDriftFinding? Finding);
