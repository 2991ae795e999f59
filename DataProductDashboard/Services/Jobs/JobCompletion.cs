using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Marks a job succeeded inside the transaction that stores its result, so a result is never stored twice:
/// after a crash the job is either queued with nothing stored, or succeeded with its result.</summary>
public static class JobCompletion
{
    public static Task<int> MarkSucceededAsync(DashboardDbContext db, Guid jobId, int? batchId, int? modelVersion, int rowsDone, DateTime at, CancellationToken ct) =>
        db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Succeeded).SetProperty(j => j.Stage, "Done")
            .SetProperty(j => j.BatchId, batchId).SetProperty(j => j.ModelVersion, modelVersion)
            .SetProperty(j => j.RowsDone, rowsDone).SetProperty(j => j.Error, (string?)null)
            .SetProperty(j => j.FinishedAt, at).SetProperty(j => j.UpdatedAt, at), ct);
}
