using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Batches;

/// <summary>A batch as lists and the API show it.</summary>
public sealed record BatchSummary(
    int Id,
    int ProductId,
    int ModelVersionId,
    int ModelVersion,
    BatchSource Source,
    string FileName,
    string FileHash,
    long FileSizeBytes,
    DateTime ReceivedAt,
    int RowCount,
    BatchStatus Status,
    double ParseSeconds,
    double ScoringSeconds,
    double StoreSeconds,
    double LatencyP50Micros,
    double LatencyP95Micros,
    double LatencyP99Micros,
    DateTime? EventTimeFrom,
    DateTime? EventTimeTo,
    double? PredictionMean,
    int LabelledRows)
{
    /// <summary>Rows per second from parse to stored.</summary>
    public double RowsPerSecond => ParseSeconds + ScoringSeconds + StoreSeconds is > 0 and var total ? RowCount / total : 0;
}
