using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>One CSV batch of production data, scored by one model version.</summary>
public sealed class Batch
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    /// <summary>The batch's number within its product (1, 2, 3… in arrival order), what people read as "#3"; the
    /// global <see cref="Id"/> stays the identifier in routes and the API.</summary>
    public int Number { get; set; }
    public DataProduct? Product { get; set; }
    public int ModelVersionId { get; set; }
    public ModelVersion? ModelVersion { get; set; }
    public BatchSource Source { get; set; }
    public string FileName { get; set; } = "";
    public required string FileHash { get; set; }
    public long FileSizeBytes { get; set; }
    /// <summary>When the batch arrived; a backfill's newest event time instead (see <see cref="Backfill"/>).</summary>
    public DateTime ReceivedAt { get; set; }
    /// <summary>When the file was uploaded (for a backfill, <see cref="ReceivedAt"/> is its newest event time instead);
    /// the retention setting counts from it.</summary>
    public DateTime UploadedAt { get; set; }
    /// <summary>History sent late: placed at its newest event time, never judged late.</summary>
    public bool Backfill { get; set; }
    public int RowCount { get; set; }
    public BatchStatus Status { get; set; }
    public double ParseSeconds { get; set; }
    public double ScoringSeconds { get; set; }
    public double StoreSeconds { get; set; }
    public double LatencyP50Micros { get; set; }
    public double LatencyP95Micros { get; set; }
    public double LatencyP99Micros { get; set; }
    public DateTime? EventTimeFrom { get; set; }
    public DateTime? EventTimeTo { get; set; }
    public double? PredictionMean { get; set; }
    public int LabelledRows { get; set; }
    /// <summary>The A/B test that split this batch between two model versions, if one was running.</summary>
    public int? ExperimentId { get; set; }
    /// <summary>True from the commit until the work that follows it (gates, KPI contributions, alerts) is done.</summary>
    public bool FollowUpPending { get; set; }
    /// <summary>The background job that imported this batch, if any (its rerun after a crash finds the batch).</summary>
    public Guid? JobId { get; set; }
    /// <summary>The product schema version the batch was validated against.</summary>
    public int SchemaVersion { get; set; } = 1;
    /// <summary>When the retention setting removed the batch's row-level predictions and file (its metrics stay).</summary>
    public DateTime? RowsPurgedAt { get; set; }
    /// <summary>Why a background batch failed, if it did.</summary>
    public string? Error { get; set; }
}
