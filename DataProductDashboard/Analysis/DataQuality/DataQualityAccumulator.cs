using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.DataQuality;

/// <summary>The data quality of a batch built chunk by chunk: every figure is a count that adds up across chunks
/// (missing, out-of-range and unseen values, distinct values, rows with a gap) or a hash per row (duplicate keys and
/// rows), so a batch of any length is checked holding one chunk and 16 bytes per row.</summary>
public sealed class DataQualityAccumulator(ProductSchema schema, ReferenceProfile? reference, int expectedRows = 0)
{
    private readonly RowHashes _keys = new(expectedRows);
    private readonly RowHashes _rows = new(expectedRows);
    private List<ColumnState>? _columns;
    private string[] _rowColumns = [];
    private bool _hasKeys;
    private int _rowCount;
    private int _rowsWithMissing;

    /// <param name="rowKeys">The chunk's row keys, or null when the schema has no row-key column (no duplicates possible).</param>
    public void Add(ColumnTable chunk, IReadOnlyList<string>? rowKeys)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_columns is null)
        {
            _columns = schema.RequiredInBatch.Where(c => chunk.Contains(c.Name)).Select(c => new ColumnState(c, reference)).ToList();
            _rowColumns = _columns.Where(c => c.Spec.Role != ColumnRole.RowKey).Select(c => c.Spec.Name).ToArray();
        }
        var rows = chunk.RowCount;
        var rowHasMissing = new bool[rows];
        foreach (var column in _columns)
            column.Add(chunk, rowHasMissing);
        AddRowHashes(chunk, rows);
        AddKeyHashes(rowKeys);
        foreach (var missing in rowHasMissing)
        {
            if (missing)
                _rowsWithMissing++;
        }
        _rowCount += rows;
    }

    private void AddKeyHashes(IReadOnlyList<string>? rowKeys)
    {
        if (rowKeys is null)
            return;
        _hasKeys = true;
        foreach (var key in rowKeys)
            _keys.Add(RowHashes.Of(key));
    }

    /// <summary>One hash per row over its values (row key excluded): the values are laid out row by row and each row
    /// hashed in one call.</summary>
    private void AddRowHashes(ColumnTable chunk, int rows)
    {
        var width = _rowColumns.Length;
        var values = new ulong[rows * width];
        for (var c = 0; c < width; c++)
        {
            var name = _rowColumns[c];
            if (chunk.TryGetNumeric(name, out var numbers))
            {
                for (var i = 0; i < rows; i++)
                    values[(i * width) + c] = RowHashes.Of(numbers[i]);
            }
            else if (chunk.TryGetStrings(name, out var texts))
            {
                for (var i = 0; i < rows; i++)
                    values[(i * width) + c] = RowHashes.Of(texts[i]);
            }
            else if (chunk.TryGetTimestamps(name, out var times))
            {
                for (var i = 0; i < rows; i++)
                    values[(i * width) + c] = RowHashes.Of(times[i]);
            }
        }
        for (var i = 0; i < rows; i++)
            _rows.Add(RowHashes.Of(values.AsSpan(i * width, width)));
    }

    /// <param name="earlierReceivedAt">Receive times of earlier batches (any order), for lateness.</param>
    public DataQualityResult Result(DateTime receivedAt, IReadOnlyList<int> earlierBatchRows, IReadOnlyList<DateTime>? earlierReceivedAt = null)
    {
        var rows = _rowCount;
        var qualities = new List<ColumnQuality>();
        var cells = 0L;
        var missingCells = 0L;
        foreach (var column in _columns ?? [])
        {
            var quality = column.Quality(rows);
            qualities.Add(quality);
            cells += rows;
            missingCells += (long)Math.Round(quality.MissingShare * rows);
        }
        var eventTimes = schema.EventTime is { } eventTime ? _columns?.FirstOrDefault(c => c.Spec.Name == eventTime.Name)?.DistinctTimes : null;
        var (lag, cadence, gaps) = Timeliness(eventTimes, receivedAt);
        double? volume = earlierBatchRows.Count == 0 ? null : rows / Median(earlierBatchRows.Select(r => (double)r).ToArray());
        var (sincePrevious, usualInterval, late) = DataQualityAnalyzer.Lateness(receivedAt, earlierReceivedAt ?? []);
        return new DataQualityResult(
            rows,
            cells == 0 ? 0 : (double)missingCells / cells,
            Share(_rowsWithMissing, rows),
            _hasKeys ? _keys.Duplicates() : 0,
            _rows.Duplicates(),
            lag, cadence, gaps, volume, qualities, sincePrevious, usualInterval, late);
    }

    private static (double? Lag, double? Cadence, int Gaps) Timeliness(HashSet<DateTime>? eventTimes, DateTime receivedAt)
    {
        if (eventTimes is null || eventTimes.Count == 0)
            return (null, null, 0);
        var distinct = eventTimes.Order().ToArray();
        var lag = (receivedAt - distinct[^1]).TotalHours;
        if (distinct.Length < 3)
            return (lag, null, 0);
        var diffs = new double[distinct.Length - 1];
        for (var i = 1; i < distinct.Length; i++)
            diffs[i - 1] = (distinct[i] - distinct[i - 1]).TotalHours;
        var cadence = Median((double[])diffs.Clone());
        return (lag, cadence, diffs.Count(d => d > 2 * cadence));
    }

    internal static double Share(long count, long total) => total == 0 ? 0 : (double)count / total;

    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    /// <summary>The running counts of one column.</summary>
    private sealed class ColumnState
    {
        private readonly double _min = double.NegativeInfinity;
        private readonly double _max = double.PositiveInfinity;
        private readonly Drift.CategoryCounts? _known;
        private readonly HashSet<double> _distinctNumbers = [];
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        private long _missing;
        private long _outside;

        public ColumnState(ColumnSpec spec, ReferenceProfile? reference)
        {
            Spec = spec;
            if (reference?.Numeric(spec.Name) is { Count: > 0 } r)
                (_min, _max) = (r.Values[0], r.Values[^1]);
            _known = reference?.Categories(spec.Name);
        }

        public ColumnSpec Spec { get; }

        public HashSet<DateTime> DistinctTimes { get; } = [];

        private int _kind; // 1 numeric, 2 text, 3 timestamp

        public void Add(ColumnTable chunk, bool[] rowHasMissing)
        {
            var rows = chunk.RowCount;
            if (chunk.TryGetNumeric(Spec.Name, out var numbers))
            {
                _kind = 1;
                for (var i = 0; i < rows; i++)
                {
                    var v = numbers[i];
                    if (!double.IsFinite(v))
                    {
                        _missing++;
                        rowHasMissing[i] = true;
                        continue;
                    }
                    if (v < _min || v > _max)
                        _outside++;
                    if (_distinctNumbers.Count < DataQualityAnalyzer.DistinctCap)
                        _distinctNumbers.Add(v);
                }
            }
            else if (chunk.TryGetStrings(Spec.Name, out var texts))
            {
                _kind = 2;
                for (var i = 0; i < rows; i++)
                {
                    if (texts[i] is not { } t)
                    {
                        _missing++;
                        rowHasMissing[i] = true;
                        continue;
                    }
                    if (Spec.Kind == ColumnKind.Categorical)
                        _counts[t] = _counts.GetValueOrDefault(t) + 1;
                }
            }
            else if (chunk.TryGetTimestamps(Spec.Name, out var times))
            {
                _kind = 3;
                for (var i = 0; i < rows; i++)
                {
                    if (times[i] is { } t)
                    {
                        DistinctTimes.Add(t);
                    }
                    else
                    {
                        _missing++;
                        rowHasMissing[i] = true;
                    }
                }
            }
        }

        public ColumnQuality Quality(int rows) => _kind switch
        {
            1 => new ColumnQuality(Spec.Name, Spec.Kind, Share(_missing, rows), 0, Share(_outside, rows), _distinctNumbers.Count, []),
            2 => TextQuality(rows),
            3 => new ColumnQuality(Spec.Name, Spec.Kind, Share(_missing, rows), 0, 0, DistinctTimes.Count, []),
            _ => new ColumnQuality(Spec.Name, Spec.Kind, 0, 0, 0, 0, []),
        };

        private ColumnQuality TextQuality(int rows)
        {
            var unseen = _known is null ? [] : _counts.Keys.Where(k => _known[k] == 0).Order(StringComparer.Ordinal).ToList();
            var unseenRows = unseen.Sum(k => _counts[k]);
            return new ColumnQuality(Spec.Name, Spec.Kind, Share(_missing, rows), Share(unseenRows, rows), 0, _counts.Count, unseen);
        }
    }
}
