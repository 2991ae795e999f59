using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Batches;

/// <summary>Runs a queued import from its stored file. The import commits all at once and marks the job succeeded in
/// the same transaction, so a rerun after a crash either finds nothing stored and imports, or finds the batch.</summary>
public sealed class BatchImportJobHandler(BatchImporter importer, ContentStore store, IDbContextFactory<DashboardDbContext> dbFactory) : IJobHandler
{
    public string Kind => BatchIntake.JobKind;

    /// <summary>A rough size of a CSV row, for a job whose file is not here yet.</summary>
    private const long EstimatedBytesPerRow = 100;

    public long MemoryWeight(Job job)
    {
        // A job another instance received has its input in the shared copy only: weighed by its rows then.
        return store.LocalLength(job.InputArea, job.InputHash, job.InputExtension) is { } bytes ? bytes * 2 : job.RowsTotal * EstimatedBytesPerRow * 2;
    }

    public async Task<JobOutcome> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var stored = await db.Batches.AsNoTracking().Where(b => b.JobId == job.Id).Select(b => new { b.Id, b.RowCount }).FirstOrDefaultAsync(ct);
            if (stored is not null)
                return new JobOutcome(stored.Id, RowsDone: stored.RowCount);
        }
        var file = await store.OpenAsync(job.InputArea, job.InputHash, job.InputExtension, job.InputFileName, ct)
            ?? throw new InvalidOperationException($"The stored input of job {job.Id} ('{job.InputFileName}') is missing; send the file again.");
        var (source, backfill) = ParseParameters(job.Parameters);
        progress.Report(new JobProgress(nameof(ImportStage.Parsing), 0, job.RowsTotal, 0.05));
        // Received when it was uploaded, not when it ran (a rerun keeps the batch's place in the history). The file was
        // validated when it arrived: it is read once more, chunk by chunk, as it is scored.
        var prepared = await importer.PrepareAsync(job.ProductId, file, source, job.CreatedAt, ct, validated: job.RowsTotal) with { Backfill = backfill };
        var report = new SyncProgress<ImportProgress>(p => progress.Report(new JobProgress(p.Stage.ToString(), p.RowsDone, p.RowsTotal, p.Fraction)));
        var batch = await importer.ImportAsync(prepared, job.Id, report, ct);
        return new JobOutcome(batch.Id, RowsDone: batch.RowCount);
    }

    /// <summary>A job's parameters: the source, and ";backfill=true|false" when the sender said.</summary>
    public static string ParametersOf(BatchSource source, bool? backfill) =>
        backfill is { } b ? $"{source};backfill={(b ? "true" : "false")}" : source.ToString();

    public static (BatchSource Source, bool? Backfill) ParseParameters(string? parameters)
    {
        var parts = (parameters ?? "").Split(';');
        var source = Enum.TryParse<BatchSource>(parts[0], out var s) ? s : BatchSource.Api;
        bool? backfill = parts.Skip(1).FirstOrDefault(p => p.StartsWith("backfill=", StringComparison.Ordinal)) is { } flag
            ? flag.EndsWith("true", StringComparison.Ordinal) : null;
        return (source, backfill);
    }
}
