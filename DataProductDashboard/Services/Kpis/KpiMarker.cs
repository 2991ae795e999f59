namespace DataProductDashboard.Services.Kpis;

/// <summary>An audit event on a KPI's time axis, with a link to its evidence. <paramref name="At"/> is the release time,
/// or the start of the batch's rows (event time, else arrival) so it lines up with the KPI periods.</summary>
public sealed record KpiMarker(KpiMarkerKind Kind, DateTime At, string Label, string Detail, string Link, int? BatchId = null, int? Version = null);
