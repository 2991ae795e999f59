using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.DataQuality;

/// <summary>Completeness, validity against the reference, uniqueness, timeliness and volume of a batch.</summary>
public static class DataQualityAnalyzer
{
    /// <summary>Numeric distinct values are counted up to this many ("1000 or more" is all a quality check needs).</summary>
    public const int DistinctCap = 1000;

    /// <summary>A batch is late when it arrives more than this many usual intervals after the previous one.</summary>
    public const double LateFactor = 1.5;

    /// <summary>The quality of a batch held whole in memory: one chunk of <see cref="DataQualityAccumulator"/>.</summary>
    /// <param name="rowKeys">The row keys, or null when the schema has no row-key column (no duplicates possible).</param>
    /// <param name="earlierReceivedAt">Receive times of earlier batches (any order), for lateness.</param>
    public static DataQualityResult Analyze(ProductSchema schema, ColumnTable batch, IReadOnlyList<string>? rowKeys,
        ReferenceProfile? reference, DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, IReadOnlyList<DateTime>? earlierReceivedAt = null)
    {
        var quality = new DataQualityAccumulator(schema, reference, batch.RowCount);
        quality.Add(batch, rowKeys);
        return quality.Result(receivedAt, earlierBatchRows, earlierReceivedAt);
    }

    /// <summary>A batch is never late by less than this many hours past the usual interval (batches sent in a loop
    /// seconds apart are not late by a tenth of a second).</summary>
    public const double MinLateHours = 1;

    /// <summary>Hours since the previous batch, the usual interval (median of the earlier ones; needs three earlier
    /// batches) and whether this one is late (more than <see cref="LateFactor"/> × the usual interval, and at least
    /// <see cref="MinLateHours"/> past it).</summary>
    public static (double? SincePrevious, double? UsualInterval, bool Late) Lateness(DateTime receivedAt, IReadOnlyList<DateTime> earlier)
    {
        var before = earlier.Where(t => t < receivedAt).Order().ToArray();
        if (before.Length == 0)
            return (null, null, false);
        var since = (receivedAt - before[^1]).TotalHours;
        if (before.Length < 3)
            return (since, null, false);
        var intervals = new double[before.Length - 1];
        for (var i = 1; i < before.Length; i++)
            intervals[i - 1] = (before[i] - before[i - 1]).TotalHours;
        var usual = DataQualityAccumulator.Median(intervals);
        return (since, usual, usual > 0 && since > LateFactor * usual && since - usual >= MinLateHours);
    }
}
