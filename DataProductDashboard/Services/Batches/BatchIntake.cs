using System.Globalization;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Batches;

/// <summary>The entry point for batches from the UI and the API: refuses a file already stored for the product (unless
/// asked to take it anyway), waits for an import slot (<see cref="ImportSlots"/>; 503 when the line is full), validates
/// at once, reading the file one chunk at a time (so bad files fail fast and store nothing, and a long file is never
/// held whole), then scores small batches inline and queues large ones (≥ Dashboard:BackgroundBatchRows) as a durable
/// job whose input is the stored file.</summary>
public sealed class BatchIntake(
    BatchImporter importer,
    JobTracker jobs,
    ImportSlots slots,
    ContentStore store,
    IDbContextFactory<DashboardDbContext> dbFactory,
    IOptions<DashboardOptions> options,
    ILogger<BatchIntake> logger)
{
    public const string JobKind = "batch-import";

    /// <summary>What checking a file takes: it is read one chunk at a time, so a long file weighs no more than a chunk
    /// (a file scored here, below Dashboard:BackgroundBatchRows, is a few megabytes).</summary>
    private const long CheckWeightBytes = 64L << 20;

    /// <param name="backfill">The sender's word that the batch is history (true), is not (false), or null to detect it.</param>
    public async Task<IntakeResult> SubmitAsync(int productId, UploadedFile file, BatchSource source, bool allowDuplicate,
        IProgress<ImportProgress>? progress, CancellationToken ct, bool? backfill = null)
    {
        if (!allowDuplicate)
            await RefuseDuplicateAsync(productId, file, ct);
        progress?.Report(new ImportProgress(ImportStage.Queued, 0, 0));
        using (await slots.AcquireAsync(Math.Min(file.Length * 2, CheckWeightBytes), mayRefuse: true, ct))
        {
            progress?.Report(new ImportProgress(ImportStage.Parsing, 0, 0));
            var prepared = await importer.PrepareAsync(productId, file, source, receivedAt: null, ct) with { Backfill = backfill };
            if (prepared.RowCount < options.Value.BackgroundBatchRows)
                return new IntakeResult(await importer.ImportAsync(prepared, jobId: null, progress, ct), null);

            await store.AdoptAsync(ContentStore.Batches, file, ".csv", ct);
            var job = await jobs.EnqueueAsync(new Job
            {
                Kind = JobKind, ProductId = productId, RowsTotal = prepared.RowCount, InputArea = ContentStore.Batches,
                InputHash = file.Hash, InputExtension = ".csv", InputFileName = file.FileName,
                Parameters = BatchImportJobHandler.ParametersOf(source, backfill),
            }, CancellationToken.None);
            logger.LogInformation("Queued batch '{FileName}' ({Rows} rows) for product {ProductId} as job {JobId}", file.FileName, prepared.RowCount, productId, job.Id);
            return new IntakeResult(null, job);
        }
    }

    /// <summary>409 when a batch of this product was stored from the same content, or is queued from it.</summary>
    public async Task RefuseDuplicateAsync(int productId, UploadedFile file, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.FileHash == file.Hash)
            .OrderBy(b => b.Id).Select(b => new { b.Id, b.Number, b.FileName, b.ReceivedAt }).FirstOrDefaultAsync(ct);
        if (stored is not null)
            throw new DuplicateBatchException(string.Create(CultureInfo.InvariantCulture,
                $"'{file.FileName}' has the same content as batch {BatchLabel.Of(stored.Number)} (id {stored.Id}, '{stored.FileName}', received {stored.ReceivedAt:yyyy-MM-dd HH:mm} UTC); it was not stored again."),
                stored.Id, null);
        var queued = await db.Jobs.AsNoTracking().Where(j => j.ProductId == productId && j.Kind == JobKind && j.InputHash == file.Hash
                && (j.State == JobState.Queued || j.State == JobState.Running))
            .Select(j => new { j.Id, j.InputFileName }).FirstOrDefaultAsync(ct);
        if (queued is not null)
            throw new DuplicateBatchException(
                $"'{file.FileName}' has the same content as '{queued.InputFileName}', queued as job {queued.Id}; it was not queued again.",
                null, queued.Id);
    }
}
