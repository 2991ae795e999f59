namespace DataProductDashboard.Services.Jobs;

/// <summary>A snapshot of a background job: what it is, how far it got, and what it produced.</summary>
public sealed record JobStatus(
    Guid Id,
    string Kind,
    int ProductId,
    JobState State,
    string Stage,
    int RowsDone,
    int RowsTotal,
    int? BatchId,
    int? ModelVersion,
    string? Error,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public double Fraction { get; init; }
}
