using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Jobs;

/// <summary>A snapshot of a background job: what it is, how far it got, and what it produced.</summary>
public sealed record JobStatus
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public required int ProductId { get; init; }
    public required JobState State { get; init; }
    public required string Stage { get; init; }
    public int RowsDone { get; init; }
    public int RowsTotal { get; init; }
    public int? BatchId { get; init; }
    public int? ModelVersion { get; init; }
    public string? Error { get; init; }
    /// <summary>Times the job was started (an interrupted job is started again from its stored input).</summary>
    public int Attempts { get; init; }
    public string FileName { get; init; } = "";
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public double Fraction { get; init; }

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;
}
