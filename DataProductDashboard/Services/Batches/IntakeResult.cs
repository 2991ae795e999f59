using DataProductDashboard.Services.Jobs;

namespace DataProductDashboard.Services.Batches;

/// <summary>Either the stored batch (small batches, done inline) or the background job that will store it.</summary>
public sealed record IntakeResult(BatchSummary? Batch, JobStatus? Job);
