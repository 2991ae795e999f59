using DataProductDashboard.Analysis.Kpi;

namespace DataProductDashboard.Services.Kpis;

/// <summary>Everything about one KPI: its definition, its overview (status, latest value, business-drift finding), its
/// values per period (overall, then per A/B arm when there are any), and the audit events on the same time axis.
/// <paramref name="OffTargetRun"/> is how many of the newest complete periods are off target (the run the
/// business-drift rule counts).</summary>
public sealed record KpiDetail(KpiDefinition Definition, KpiOverview Overview, IReadOnlyList<KpiPoint> Values, IReadOnlyList<KpiMarker> Markers,
    int OffTargetRun)
{
    /// <summary>The KPI's id at the top level, as every API resource has one (DESIGN §6).</summary>
    public int Id => Definition.Id;
    public string Name => Definition.Name;
    public KpiTarget Target => new(Definition.Direction, Definition.Target, Definition.Tolerance);
}
