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
    /// <summary>The batch's number within its product (1, 2, 3… in arrival order), shown as "#3"; <see cref="Id"/> is
    /// global and stays the identifier in routes and the API.</summary>
    public int Number { get; init; }

    /// <summary>"#3": how pages and sentences name the batch.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => BatchLabel.Of(Number);

    /// <summary>"pending" from the commit until the work that follows it (gate outcomes, alerts, KPI contributions) is
    /// done, then "done": a client knows when gates and KPIs are final.</summary>
    public string FollowUp { get; init; } = FollowUpDone;

    /// <summary>History sent late: <see cref="ReceivedAt"/> is its newest event time, and it is never judged late.</summary>
    public bool Backfill { get; init; }

    /// <summary>When the file was uploaded; differs from <see cref="ReceivedAt"/> for a backfill.</summary>
    public DateTime UploadedAt { get; init; }

    /// <summary>The product schema version the batch was validated against.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>When the retention setting removed the batch's predictions and file (null: they are kept).</summary>
    public DateTime? RowsPurgedAt { get; init; }

    /// <summary>Throws 410 Gone for work that needs rows the retention setting removed.</summary>
    public void ThrowIfRowsPurged() => Products.RowsGone.ThrowIfPurged(Id, RowsPurgedAt);

    public const string FollowUpDone = "done";
    public const string FollowUpPending = "pending";

    /// <summary>Rows per second from parse to stored.</summary>
    public double RowsPerSecond => ParseSeconds + ScoringSeconds + StoreSeconds is > 0 and var total ? RowCount / total : 0;
}
