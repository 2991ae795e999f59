namespace DataProductDashboard.Analysis.Coverage;

/// <summary>A batch's population coverage built chunk by chunk: per judged feature the share of its (non-missing)
/// values inside the training population, per row whether every feature is inside, and the same row share per
/// segment value.</summary>
public sealed class CoverageAccumulator(CoverageRules rules)
{
    private readonly long[] _values = new long[rules.Columns.Count];
    private readonly long[] _outside = new long[rules.Columns.Count];
    private readonly Dictionary<string, (long Rows, long Covered)> _segments = new(StringComparer.Ordinal);
    private long _rows;
    private long _covered;

    /// <summary>Adds a chunk; returns whether each of its rows is covered.</summary>
    /// <param name="segmentsOfRow">The segments ("sex=female") each row belongs to, or null.</param>
    public bool[] Add(Domain.ColumnTable chunk, Func<int, IEnumerable<string>>? segmentsOfRow = null)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var outside = rules.Outside(chunk);
        var covered = new bool[chunk.RowCount];
        Array.Fill(covered, true);
        for (var c = 0; c < outside.Length; c++)
        {
            if (outside[c] is not { } flags)
                continue;
            var column = rules.Columns[c];
            var missing = CountMissing(chunk, column);
            _values[c] += chunk.RowCount - missing;
            for (var r = 0; r < flags.Length; r++)
            {
                if (flags[r])
                {
                    _outside[c]++;
                    covered[r] = false;
                }
            }
        }
        _rows += chunk.RowCount;
        for (var r = 0; r < covered.Length; r++)
        {
            if (covered[r])
                _covered++;
            if (segmentsOfRow is null)
                continue;
            foreach (var segment in segmentsOfRow(r))
            {
                var (rows, inside) = _segments.GetValueOrDefault(segment);
                _segments[segment] = (rows + 1, inside + (covered[r] ? 1 : 0));
            }
        }
        return covered;
    }

    public CoverageResult Result() => new(_rows, _covered,
        [.. rules.Columns.Select((c, i) => new ColumnCoverage(c, _values[i], _values[i] - _outside[i]))],
        _segments.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => new SegmentCoverage(s.Value.Rows, s.Value.Covered), StringComparer.Ordinal));

    private static long CountMissing(Domain.ColumnTable chunk, string column)
    {
        if (chunk.TryGetNumeric(column, out var numbers))
            return numbers.LongCount(v => !double.IsFinite(v));
        return chunk.TryGetStrings(column, out var texts) ? texts.LongCount(t => t is null) : chunk.RowCount;
    }
}

/// <summary>A batch's coverage: rows whose every judged feature lies inside the training population.</summary>
public sealed record CoverageResult(long Rows, long CoveredRows, IReadOnlyList<ColumnCoverage> Columns, IReadOnlyDictionary<string, SegmentCoverage> Segments)
{
    public const string RowsKey = "coverage.rows";
    public const string ColumnKey = "coverage.column";

    /// <summary>Share of rows covered (NaN without rows).</summary>
    public double RowShare => Rows == 0 ? double.NaN : (double)CoveredRows / Rows;

    /// <summary>The metric points: coverage.rows, coverage.column per judged feature, coverage.rows per segment.</summary>
    public IEnumerable<(string Key, string? Column, string? Segment, double Value)> Points()
    {
        if (Rows > 0)
            yield return (RowsKey, null, null, RowShare);
        foreach (var c in Columns.Where(c => c.Values > 0))
            yield return (ColumnKey, c.Column, null, c.Share);
        foreach (var (segment, s) in Segments.Where(s => s.Value.Rows > 0))
            yield return (RowsKey, null, segment, (double)s.Covered / s.Rows);
    }
}

/// <summary>One feature's non-missing values and how many of them lie inside the training population.</summary>
public sealed record ColumnCoverage(string Column, long Values, long Covered)
{
    public double Share => Values == 0 ? double.NaN : (double)Covered / Values;
}

public sealed record SegmentCoverage(long Rows, long Covered);
