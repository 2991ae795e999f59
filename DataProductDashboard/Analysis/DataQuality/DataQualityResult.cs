namespace DataProductDashboard.Analysis.DataQuality;

/// <summary>Data quality of one batch.</summary>
/// <param name="RowsWithMissingShare">Share of rows with at least one empty cell.</param>
/// <param name="DuplicateRowKeys">Rows whose row key already occurred earlier in the batch.</param>
/// <param name="DuplicateRows">Rows identical (all schema columns) to an earlier row.</param>
/// <param name="EventLagHours">Hours from the newest event time to the time the batch was received.</param>
/// <param name="CadenceHours">Usual gap between consecutive distinct event times (their median).</param>
/// <param name="Gaps">Gaps between consecutive event times longer than twice the cadence.</param>
/// <param name="VolumeRatio">Rows relative to the median rows of earlier batches (1 = usual).</param>
/// <param name="HoursSincePreviousBatch">Time since the previous batch was received.</param>
/// <param name="UsualIntervalHours">Median interval between the earlier batches.</param>
/// <param name="Late">Arrived more than 1.5 × the usual interval after the previous batch.</param>
public sealed record DataQualityResult(
    int Rows,
    double MissingShare,
    double RowsWithMissingShare,
    int DuplicateRowKeys,
    int DuplicateRows,
    double? EventLagHours,
    double? CadenceHours,
    int Gaps,
    double? VolumeRatio,
    IReadOnlyList<ColumnQuality> Columns,
    double? HoursSincePreviousBatch = null,
    double? UsualIntervalHours = null,
    bool Late = false);
