namespace DataProductDashboard.Services.Kpis;

/// <summary>An audit event on a KPI's time axis, with a link to its evidence. <paramref name="At"/> is the release time,
/// or the start of the batch's rows (event time, else arrival) so it lines up with the KPI periods; <paramref name="To"/>
/// the end of the batch's rows.</summary>
public sealed record KpiMarker(KpiMarkerKind Kind, DateTime At, string Label, string Detail, string Link, int? BatchId = null, int? Version = null,
    DateTime? To = null)
{
    /// <summary>Whether the event touches [<paramref name="from"/>, <paramref name="until"/>): a release inside it, or a
    /// batch with rows in it.</summary>
    public bool Overlaps(DateTime from, DateTime until) => At < until && (To ?? At) >= from;
}
