using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.ViewModels.Time;

/// <summary>Where a product's batches sit on a time axis of the chosen <see cref="TimeBasis"/>: their arrival, or the
/// first event time of their rows (arrival when a batch has no event time). Metric points are stored at arrival; on
/// the event axis each point moves to its batch's event time.</summary>
public sealed class BatchTimes
{
    private readonly Dictionary<int, DateTime> _byBatch;
    private readonly IReadOnlyList<BatchSummary> _batches;

    public BatchTimes(IReadOnlyList<BatchSummary> batches, TimeBasis basis)
    {
        _batches = batches;
        Basis = basis;
        _byBatch = batches.ToDictionary(b => b.Id, b => Of(b, basis));
        Oldest = _byBatch.Count == 0 ? null : _byBatch.Values.Min();
        Newest = _byBatch.Count == 0 ? null : _byBatch.Values.Max();
    }

    public TimeBasis Basis { get; }
    public DateTime? Oldest { get; }
    public DateTime? Newest { get; }

    public static DateTime Of(BatchSummary batch, TimeBasis basis) =>
        basis == TimeBasis.Event && batch.EventTimeFrom is { } from ? from : batch.ReceivedAt;

    /// <summary>The axis time of a metric point: its batch's, or its own stored time when it has no (known) batch.</summary>
    public DateTime Of(MetricSeriesPoint point) => point.BatchId is { } id && _byBatch.TryGetValue(id, out var at) ? at : point.At;

    /// <summary>The points moved to the axis and in its order.</summary>
    public IReadOnlyList<MetricSeriesPoint> Place(IEnumerable<MetricSeriesPoint> points) =>
        Basis == TimeBasis.Arrival ? points.ToList() : points.Select(p => p with { At = Of(p) }).OrderBy(p => p.At).ToList();

    /// <summary>The batches whose axis time falls inside the window.</summary>
    public IReadOnlyList<BatchSummary> Inside(TimeWindow? window) =>
        window is null ? _batches : _batches.Where(b => window.Contains(_byBatch[b.Id])).ToList();

    /// <summary>The release markers moved to this axis (see <see cref="ReleasePlacement"/>).</summary>
    public IReadOnlyList<ReleaseMarker> Place(IReadOnlyList<ReleaseMarker> releases) => ReleasePlacement.OnAxis(releases, _batches, Basis);
}
