using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Batches;

/// <summary>The entry point for batches from the UI and the API: validates at once (so bad files fail fast and store
/// nothing), then scores small batches inline and queues large ones (≥ Dashboard:BackgroundBatchRows) as a job.</summary>
public sealed class BatchIntake(
    BatchService batches,
    BackgroundWorkQueue queue,
    JobTracker jobs,
    IOptions<DashboardOptions> options,
    ILogger<BatchIntake> logger)
{
    public const string JobKind = "batch-import";

    public async Task<IntakeResult> SubmitAsync(int productId, ReadOnlyMemory<byte> content, string fileName, BatchSource source,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress(ImportStage.Parsing, 0, 0));
        var prepared = await batches.PrepareAsync(productId, content, fileName, source, receivedAt: null, ct);
        if (prepared.RowCount < options.Value.BackgroundBatchRows)
            return new IntakeResult(await batches.ImportAsync(prepared, progress, ct), null);

        var job = jobs.Create(JobKind, productId, prepared.RowCount);
        logger.LogInformation("Queued batch '{FileName}' ({Rows} rows) for product {ProductId} as job {JobId}", fileName, prepared.RowCount, productId, job.Id);
        queue.Enqueue(async stoppingToken =>
        {
            var report = new SyncProgress<ImportProgress>(p => jobs.Update(job.Id, j => j with
            {
                State = JobState.Running, Stage = p.Stage.ToString(), RowsDone = p.RowsDone, Fraction = p.Fraction,
            }));
            try
            {
                var batch = await batches.ImportAsync(prepared, report, stoppingToken);
                jobs.Update(job.Id, j => j with { State = JobState.Succeeded, Stage = "Done", RowsDone = batch.RowCount, BatchId = batch.Id, Fraction = 1 });
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Background import of '{FileName}' for product {ProductId} failed", fileName, productId);
                jobs.Update(job.Id, j => j with { State = JobState.Failed, Stage = "Failed", Error = ex.Message });
            }
        });
        return new IntakeResult(null, job);
    }
}
