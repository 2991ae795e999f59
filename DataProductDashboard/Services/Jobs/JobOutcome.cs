namespace DataProductDashboard.Services.Jobs;

/// <summary>What a job produced.</summary>
public sealed record JobOutcome(int? BatchId = null, int? ModelVersion = null, int RowsDone = 0);
