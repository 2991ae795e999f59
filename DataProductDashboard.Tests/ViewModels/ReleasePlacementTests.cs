using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.ViewModels.Time;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class ReleasePlacementTests
{
    private static DateTime Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    internal static BatchSummary Batch(int id, int version, DateTime received, DateTime? eventFrom = null) =>
        new(id, 1, 100 + version, version, BatchSource.Api, $"b{id}.csv", "hash", 10, received, 10, BatchStatus.Analyzed, 0, 0, 0, 0, 0, 0,
            eventFrom, eventFrom?.AddDays(6), null, 0) { Number = id };

    [Fact]
    public void OnAxis_VersionPromotedAfterItsBatchesArrived_SitsAtItsFirstBatch()
    {
        // The demo: v1 became champion when it was registered (2026), then scored the backfilled weeks of 2011–2012.
        var releases = new[] { new ReleaseMarker(1, Utc(2026, 5, 9, 7), "FastTree") };
        BatchSummary[] batches = [Batch(1, 1, Utc(2011, 7, 11, 6)), Batch(2, 1, Utc(2011, 7, 18, 6)), Batch(3, 1, Utc(2026, 5, 9, 8))];

        var placed = ReleasePlacement.OnAxis(releases, batches, TimeBasis.Arrival);

        Assert.Equal(Utc(2011, 7, 11, 6), Assert.Single(placed).At);
        Assert.Equal(1, placed[0].Version);
    }

    [Fact]
    public void OnAxis_ReleaseBeforeItsFirstBatch_StaysAtItsPromotion()
    {
        var releases = new[] { new ReleaseMarker(1, Utc(2012, 1, 1), "FastTree"), new ReleaseMarker(2, Utc(2012, 6, 1, 12), "LightGbm") };
        BatchSummary[] batches = [Batch(1, 1, Utc(2012, 1, 2)), Batch(2, 2, Utc(2012, 6, 4))];

        var placed = ReleasePlacement.OnAxis(releases, batches, TimeBasis.Arrival);

        Assert.Equal([Utc(2012, 1, 1), Utc(2012, 6, 1, 12)], placed.Select(r => r.At));
    }

    [Fact]
    public void OnAxis_EventAxis_SitsWhereTheFirstScoredRowsHappened()
    {
        // v2 promoted in 2026 and its first batch (uploaded in 2026) holds rows of December 2012.
        var releases = new[] { new ReleaseMarker(2, Utc(2026, 5, 9, 7), "FastTree") };
        BatchSummary[] batches = [Batch(1, 1, Utc(2012, 12, 24), Utc(2012, 12, 17)), Batch(2, 2, Utc(2026, 5, 10), Utc(2012, 12, 24))];

        Assert.Equal(Utc(2012, 12, 24), ReleasePlacement.OnAxis(releases, batches, TimeBasis.Event).Single().At);
        Assert.Equal(Utc(2026, 5, 9, 7), ReleasePlacement.OnAxis(releases, batches, TimeBasis.Arrival).Single().At);
    }

    [Fact]
    public void OnAxis_VersionWithoutBatches_StaysAtItsPromotion()
    {
        var releases = new[] { new ReleaseMarker(3, Utc(2026, 5, 9), "FastTree") };

        Assert.Equal(Utc(2026, 5, 9), ReleasePlacement.OnAxis(releases, [], TimeBasis.Event).Single().At);
    }

    [Fact]
    public void BatchTimes_EventBasis_MovesPointsToTheirBatchsEventTimeAndKeepsArrivalWithoutOne()
    {
        BatchSummary[] batches = [Batch(1, 1, Utc(2026, 5, 10), Utc(2012, 12, 24)), Batch(2, 1, Utc(2026, 5, 11))];
        var times = new BatchTimes(batches, TimeBasis.Event);

        var placed = times.Place([new MetricSeriesPoint(Utc(2026, 5, 10), 0.5, 1, 1, null, null), new MetricSeriesPoint(Utc(2026, 5, 11), 0.6, 2, 1, null, null)]);

        Assert.Equal([Utc(2012, 12, 24), Utc(2026, 5, 11)], placed.Select(p => p.At));
        Assert.Equal((Utc(2012, 12, 24), Utc(2026, 5, 11)), (times.Oldest!.Value, times.Newest!.Value));
    }
}
