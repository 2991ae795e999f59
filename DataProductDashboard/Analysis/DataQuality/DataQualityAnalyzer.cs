using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.DataQuality;

/// <summary>Completeness, validity against the reference, uniqueness, timeliness and volume of a batch.</summary>
public static class DataQualityAnalyzer
{
    /// <summary>Numeric distinct values are counted up to this many ("1000 or more" is all a quality check needs).</summary>
    public const int DistinctCap = 1000;

    /// <param name="rowKeys">The row keys, or null when the schema has no row-key column (no duplicates possible).</param>
    public const double LateFactor = 1.5;

    /// <param name="earlierReceivedAt">Receive times of earlier batches (any order), for lateness.</param>
    public static DataQualityResult Analyze(ProductSchema schema, ColumnTable batch, IReadOnlyList<string>? rowKeys,
        ReferenceProfile? reference, DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, IReadOnlyList<DateTime>? earlierReceivedAt = null)
    {
        var rows = batch.RowCount;
        var columns = schema.RequiredInBatch.Where(c => batch.Contains(c.Name)).ToList();
        var rowHasMissing = new bool[rows];
        var cells = 0L;
        var missingCells = 0L;
        var qualities = new List<ColumnQuality>();
        foreach (var column in columns)
        {
            var quality = Column(column, batch, reference, rowHasMissing);
            qualities.Add(quality);
            cells += rows;
            missingCells += (long)Math.Round(quality.MissingShare * rows);
        }
        var (lag, cadence, gaps) = Timeliness(schema, batch, receivedAt);
        double? volume = earlierBatchRows.Count == 0 ? null : rows / Median(earlierBatchRows.Select(r => (double)r).ToArray());
        var (sincePrevious, usualInterval, late) = Lateness(receivedAt, earlierReceivedAt ?? []);
        return new DataQualityResult(
            rows,
            cells == 0 ? 0 : (double)missingCells / cells,
            rows == 0 ? 0 : (double)rowHasMissing.Count(m => m) / rows,
            rowKeys is null ? 0 : DuplicateCount(rowKeys),
            DuplicateRows(columns, batch),
            lag, cadence, gaps, volume, qualities, sincePrevious, usualInterval, late);
    }

    /// <summary>Hours since the previous batch, the usual interval (median of the earlier ones; needs three earlier
    /// batches) and whether this one is late (more than <see cref="LateFactor"/> × the usual interval).</summary>
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
        var usual = Median(intervals);
        return (since, usual, usual > 0 && since > LateFactor * usual);
    }

    private static ColumnQuality Column(ColumnSpec column, ColumnTable batch, ReferenceProfile? reference, bool[] rowHasMissing)
    {
        var rows = batch.RowCount;
        if (batch.TryGetNumeric(column.Name, out var numbers))
        {
            var missing = 0;
            var outside = 0;
            var (min, max) = reference?.Numeric(column.Name) is { Count: > 0 } r ? (r.Values[0], r.Values[^1]) : (double.NegativeInfinity, double.PositiveInfinity);
            var distinct = new HashSet<double>();
            for (var i = 0; i < rows; i++)
            {
                var v = numbers[i];
                if (!double.IsFinite(v))
                {
                    missing++;
                    rowHasMissing[i] = true;
                    continue;
                }
                if (v < min || v > max)
                    outside++;
                if (distinct.Count < DistinctCap)
                    distinct.Add(v);
            }
            return new ColumnQuality(column.Name, column.Kind, Share(missing, rows), 0, Share(outside, rows), distinct.Count, []);
        }
        if (batch.TryGetStrings(column.Name, out var texts))
        {
            var missing = 0;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows; i++)
            {
                if (texts[i] is not { } t)
                {
                    missing++;
                    rowHasMissing[i] = true;
                    continue;
                }
                if (column.Kind == ColumnKind.Categorical)
                    counts[t] = counts.GetValueOrDefault(t) + 1;
            }
            var known = reference?.Categories(column.Name);
            var unseen = known is null ? [] : counts.Keys.Where(k => known[k] == 0).Order(StringComparer.Ordinal).ToList();
            var unseenRows = unseen.Sum(k => counts[k]);
            return new ColumnQuality(column.Name, column.Kind, Share(missing, rows), Share(unseenRows, rows), 0, counts.Count, unseen);
        }
        if (batch.TryGetTimestamps(column.Name, out var times))
        {
            var missing = 0;
            for (var i = 0; i < rows; i++)
            {
                if (times[i] is null)
                {
                    missing++;
                    rowHasMissing[i] = true;
                }
            }
            return new ColumnQuality(column.Name, column.Kind, Share(missing, rows), 0, 0, times.Where(t => t is not null).Distinct().Count(), []);
        }
        return new ColumnQuality(column.Name, column.Kind, 0, 0, 0, 0, []);
    }

    private static (double? Lag, double? Cadence, int Gaps) Timeliness(ProductSchema schema, ColumnTable batch, DateTime receivedAt)
    {
        if (schema.EventTime is not { } column || !batch.TryGetTimestamps(column.Name, out var times))
            return (null, null, 0);
        var distinct = times.Where(t => t is not null).Select(t => t!.Value).Distinct().Order().ToArray();
        if (distinct.Length == 0)
            return (null, null, 0);
        var lag = (receivedAt - distinct[^1]).TotalHours;
        if (distinct.Length < 3)
            return (lag, null, 0);
        var diffs = new double[distinct.Length - 1];
        for (var i = 1; i < distinct.Length; i++)
            diffs[i - 1] = (distinct[i] - distinct[i - 1]).TotalHours;
        var cadence = Median((double[])diffs.Clone());
        return (lag, cadence, diffs.Count(d => d > 2 * cadence));
    }

    private static int DuplicateCount(IReadOnlyList<string> keys)
    {
        // Sized once: growing by doubling through millions of keys would allocate about as much again in garbage.
        var seen = new HashSet<string>(keys.Count, StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var key in keys)
        {
            if (!seen.Add(key))
                duplicates++;
        }
        return duplicates;
    }

    private static int DuplicateRows(IReadOnlyList<ColumnSpec> columns, ColumnTable batch)
    {
        var comparer = new RowComparer(columns.Where(c => c.Role != ColumnRole.RowKey).Select(c => c.Name).ToList(), batch);
        var seen = new HashSet<int>(batch.RowCount, comparer);
        var duplicates = 0;
        for (var i = 0; i < batch.RowCount; i++)
        {
            if (!seen.Add(i))
                duplicates++;
        }
        return duplicates;
    }

    /// <summary>Compares rows by index over the given columns (NaN equals NaN, missing equals missing).</summary>
    private sealed class RowComparer : IEqualityComparer<int>
    {
        private readonly double[][] _numbers;
        private readonly string?[][] _strings;
        private readonly DateTime?[][] _times;

        public RowComparer(IReadOnlyList<string> names, ColumnTable batch)
        {
            _numbers = names.Select(n => batch.TryGetNumeric(n, out var v) ? v : null).OfType<double[]>().ToArray();
            _strings = names.Select(n => batch.TryGetStrings(n, out var v) ? v : null).OfType<string?[]>().ToArray();
            _times = names.Select(n => batch.TryGetTimestamps(n, out var v) ? v : null).OfType<DateTime?[]>().ToArray();
        }

        public bool Equals(int x, int y)
        {
            foreach (var c in _numbers)
            {
                if (!c[x].Equals(c[y]))
                    return false;
            }
            foreach (var c in _strings)
            {
                if (!string.Equals(c[x], c[y], StringComparison.Ordinal))
                    return false;
            }
            foreach (var c in _times)
            {
                if (c[x] != c[y])
                    return false;
            }
            return true;
        }

        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            foreach (var c in _numbers)
                hash.Add(c[row]);
            foreach (var c in _strings)
                hash.Add(c[row], StringComparer.Ordinal);
            foreach (var c in _times)
                hash.Add(c[row]);
            return hash.ToHashCode();
        }
    }

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
