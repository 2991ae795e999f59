namespace DataProductDashboard.Analysis.Multivariate;

/// <summary>A batch's multivariate check built chunk by chunk: the mean PCA reconstruction error of its rows against the
/// band of reference chunks of its size (drifted when outside: changed correlations that per-column tests miss), and
/// the share of its rows above the reference's 99th-percentile row error (novel rows).</summary>
public sealed class MultivariateAccumulator(MultivariateReference reference)
{
    public const string ErrorKey = "drift.multivariate.error";
    public const string UpperKey = "drift.multivariate.upper";
    public const string DetectedKey = "drift.multivariate.detected";
    public const string NovelShareKey = "coverage.novel_share";

    private readonly PcaReconstruction _pca = PcaReconstruction.FromState(reference.Pca);
    private readonly double[] _means = [.. reference.Pca.Mean];
    private double _sum;
    private long _rows;
    private long _novel;

    /// <summary>Each row's error straight from the chunk's columns (a missing value filled with the reference mean, an
    /// absent column likewise), in two scratch rows: no per-row arrays.</summary>
    public void Add(Domain.ColumnTable chunk)
    {
        var columns = reference.Columns.Select(c => chunk.TryGetNumeric(c, out var values) ? values : null).ToArray();
        var row = new double[columns.Length];
        var residual = new double[columns.Length];
        for (var r = 0; r < chunk.RowCount; r++)
        {
            for (var j = 0; j < row.Length; j++)
                row[j] = columns[j] is { } values && double.IsFinite(values[r]) ? values[r] : _means[j];
            var e = _pca.RowError(row, residual);
            _sum += e;
            if (e > reference.NoveltyThreshold)
                _novel++;
        }
        _rows += chunk.RowCount;
    }

    public MultivariateResult Result()
    {
        var (mean, lower, upper) = reference.Band((int)Math.Min(_rows, int.MaxValue));
        var error = _rows == 0 ? double.NaN : _sum / _rows;
        return new MultivariateResult(_rows, error, mean, lower, upper, error > upper || error < lower, _rows == 0 ? double.NaN : (double)_novel / _rows,
            reference.Columns, reference.Pca.Components.Length);
    }
}

/// <summary>A batch's reconstruction error against its band, and its share of novel rows.</summary>
public sealed record MultivariateResult(long Rows, double Error, double ReferenceMean, double Lower, double Upper, bool Drifted, double NovelShare,
    IReadOnlyList<string> Columns, int Components)
{
    public IEnumerable<(string Key, string? Column, string? Segment, double Value)> Points()
    {
        if (Rows == 0)
            yield break;
        yield return (MultivariateAccumulator.ErrorKey, null, null, Error);
        yield return (MultivariateAccumulator.UpperKey, null, null, Upper);
        yield return (MultivariateAccumulator.DetectedKey, null, null, Drifted ? 1 : 0);
        yield return (MultivariateAccumulator.NovelShareKey, null, null, NovelShare);
    }
}
