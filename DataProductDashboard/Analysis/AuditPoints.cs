namespace DataProductDashboard.Analysis;

/// <summary>Every number of an audit as (metric key, column, value), for the metric history.</summary>
public static class AuditPoints
{
    public const string MissingShare = "dq.missing_share";
    public const string RowsWithMissingShare = "dq.rows_with_missing_share";
    public const string DuplicateRowKeys = "dq.duplicate_row_keys";
    public const string DuplicateRows = "dq.duplicate_rows";
    public const string EventLagHours = "dq.event_lag_hours";
    public const string Gaps = "dq.gaps";
    public const string VolumeRatio = "dq.volume_ratio";
    public const string HoursSincePreviousBatch = "dq.hours_since_previous_batch";
    public const string Late = "dq.late";
    public const string ColumnMissingShare = "dq.column.missing_share";
    public const string ColumnUnseenShare = "dq.column.unseen_share";
    public const string ColumnOutOfRangeShare = "dq.column.out_of_range_share";
    public const string DriftShare = "drift.share";
    public const string DatasetDrift = "drift.dataset";
    public const string DriftedColumns = "drift.drifted_columns";
    public const string ColumnDriftScore = "drift.column.score";
    public const string ColumnDrift = "drift.column.detected";
    public const string PredictionDriftScore = "drift.prediction.score";
    public const string PredictionDrift = "drift.prediction.detected";

    public sealed record Point(string Key, string? Column, double Value);

    public static IEnumerable<Point> Flatten(AuditResult audit)
    {
        var q = audit.Quality;
        yield return new(MissingShare, null, q.MissingShare);
        yield return new(RowsWithMissingShare, null, q.RowsWithMissingShare);
        yield return new(DuplicateRowKeys, null, q.DuplicateRowKeys);
        yield return new(DuplicateRows, null, q.DuplicateRows);
        if (q.EventLagHours is { } lag)
            yield return new(EventLagHours, null, lag);
        yield return new(Gaps, null, q.Gaps);
        if (q.VolumeRatio is { } volume)
            yield return new(VolumeRatio, null, volume);
        if (q.HoursSincePreviousBatch is { } since)
            yield return new(HoursSincePreviousBatch, null, since);
        yield return new(Late, null, q.Late ? 1 : 0);
        foreach (var c in q.Columns)
        {
            yield return new(ColumnMissingShare, c.Column, c.MissingShare);
            yield return new(ColumnUnseenShare, c.Column, c.UnseenShare);
            yield return new(ColumnOutOfRangeShare, c.Column, c.OutOfReferenceRangeShare);
        }
        var d = audit.Drift;
        yield return new(DriftShare, null, d.Share);
        yield return new(DatasetDrift, null, d.Drift ? 1 : 0);
        yield return new(DriftedColumns, null, d.Drifted);
        foreach (var c in d.ColumnResults)
        {
            yield return new(ColumnDriftScore, c.Column, c.Score);
            yield return new(ColumnDrift, c.Column, c.Drift ? 1 : 0);
        }
        if (d.Prediction is { } p)
        {
            yield return new(PredictionDriftScore, null, p.Score);
            yield return new(PredictionDrift, null, p.Drift ? 1 : 0);
        }
    }
}
