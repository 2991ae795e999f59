using System.Text.Json;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Services.Models;

/// <summary>Trains a model version from a stored training file. Registering the version marks the job succeeded in
/// the same transaction, so a rerun after a crash trains again only when nothing was registered. The input file is
/// removed once the job succeeded (the version keeps its own copy as reference data).</summary>
public sealed class TrainingJobHandler(ModelRegistryService registry, ContentStore store) : IJobHandler
{
    public const string JobKind = "train";

    public string Kind => JobKind;

    /// <summary>A rough size of a CSV row, for a job whose file is not here yet.</summary>
    private const long EstimatedBytesPerRow = 100;

    public long MemoryWeight(Job job)
    {
        // A job another instance received has its input in the shared copy only: weighed by its rows then.
        return (store.LocalLength(job.InputArea, job.InputHash, job.InputExtension) ?? job.RowsTotal * EstimatedBytesPerRow) * 4;
    }

    public async Task<JobOutcome> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken ct)
    {
        var path = await store.LocalCopyAsync(job.InputArea, job.InputHash, job.InputExtension, ct)
            ?? throw new InvalidOperationException($"The stored training file of job {job.Id} ('{job.InputFileName}') is missing; send it again.");
        var request = JsonSerializer.Deserialize<TrainModelRequest>(job.Parameters ?? "{}", Data.JsonValueConverter.Options)
            ?? throw new InvalidOperationException($"Job {job.Id} has no training options.");
        progress.Report(new JobProgress("Training", 0, job.RowsTotal, 0.1));
        var csv = await File.ReadAllBytesAsync(path, ct);
        var version = await registry.TrainAsync(job.ProductId, csv, job.InputFileName, request, ct, job.Id,
            string.IsNullOrEmpty(job.CreatedBy) ? null : new Trail.Actor(job.CreatedBy));
        await store.DeleteAsync(job.InputArea, job.InputHash, job.InputExtension, CancellationToken.None);
        return new JobOutcome(ModelVersion: version.Number, RowsDone: job.RowsTotal);
    }
}
