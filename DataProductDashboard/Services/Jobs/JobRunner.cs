using System.Collections.Concurrent;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Runs the stored jobs, oldest first, each once it gets an import slot (<see cref="ImportSlots"/>). At
/// start, jobs that were running when the app stopped are queued again (their input is stored and their work commits
/// all at once, so a rerun is safe) or, after <see cref="DashboardOptions.JobMaxAttempts"/> starts, marked failed with
/// the reason. A failing job never stops the loop.</summary>
public sealed class JobRunner(
    IDbContextFactory<DashboardDbContext> dbFactory,
    JobTracker tracker,
    ImportSlots slots,
    IEnumerable<IJobHandler> handlers,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await NextQueuedAsync(stoppingToken);
                if (next is null)
                {
                    await tracker.WaitForWorkAsync(IdlePoll, stoppingToken);
                    continue;
                }
                var handler = _handlers.GetValueOrDefault(next.Kind);
                var lease = await slots.AcquireAsync(handler?.MemoryWeight(next) ?? 0, mayRefuse: false, stoppingToken);
                var job = await ClaimAsync(next.Id, stoppingToken);
                if (job is null)
                {
                    lease.Dispose();
                    continue;
                }
                var task = RunAsync(job, handler, lease, stoppingToken);
                _running[job.Id] = task;
                _ = task.ContinueWith(t => _running.TryRemove(job.Id, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(_running.Values);
    }

    /// <summary>Jobs left running by a stopped process: queued again, or failed once they used up their attempts.</summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interrupted = await db.Jobs.Where(j => j.State == JobState.Running).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var job in interrupted)
        {
            if (job.Attempts >= options.Value.JobMaxAttempts)
            {
                job.State = JobState.Failed;
                job.Stage = "Failed";
                job.Error = $"The app stopped while this job ran, {job.Attempts} times; it is not started again. Send the file again to retry.";
                job.FinishedAt = now;
                logger.LogWarning("Job {JobId} ({Kind}) was interrupted {Attempts} times and is marked failed", job.Id, job.Kind, job.Attempts);
            }
            else
            {
                job.State = JobState.Queued;
                job.Stage = "Queued again after a restart";
                logger.LogWarning("Job {JobId} ({Kind}) was interrupted by a restart; it runs again from its stored input (attempt {Attempt})", job.Id, job.Kind, job.Attempts + 1);
            }
            job.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Job?> NextQueuedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var running = _running.Keys.ToList();
        return await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Queued && !running.Contains(j.Id))
            .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Queued → Running, one attempt more, in one conditional update (a job already claimed is skipped).</summary>
    private async Task<Job?> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.Jobs.Where(j => j.Id == id && j.State == JobState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.Stage, "Starting")
            .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.StartedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
        return claimed == 0 ? null : await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
    }

    private async Task RunAsync(Job job, IJobHandler? handler, IDisposable lease, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using (lease)
        {
            tracker.Started(job);
            try
            {
                if (handler is null)
                    throw new InvalidOperationException($"No handler runs jobs of kind '{job.Kind}'.");
                var progress = new Progress(tracker, job.Id, stoppingToken);
                var outcome = await handler.RunAsync(job, progress, stoppingToken);
                await FinishAsync(job.Id, j =>
                {
                    j.State = JobState.Succeeded;
                    j.Stage = "Done";
                    j.BatchId = outcome.BatchId ?? j.BatchId;
                    j.ModelVersion = outcome.ModelVersion ?? j.ModelVersion;
                    j.RowsDone = outcome.RowsDone > 0 ? outcome.RowsDone : j.RowsTotal;
                    j.Error = null;
                });
                logger.LogInformation("Job {JobId} ({Kind}) of product {ProductId} succeeded", job.Id, job.Kind, job.ProductId);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // A clean stop: the job starts again at the next start, and this attempt does not count.
                await FinishAsync(job.Id, j =>
                {
                    j.State = JobState.Queued;
                    j.Stage = "Queued again (the app stopped)";
                    j.Attempts = Math.Max(0, j.Attempts - 1);
                    j.FinishedAt = null;
                });
            }
            catch (Exception ex)
            {
                var reason = ex is DashboardException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                logger.LogError(ex, "Job {JobId} ({Kind}) of product {ProductId} failed", job.Id, job.Kind, job.ProductId);
                await FinishAsync(job.Id, j =>
                {
                    j.State = JobState.Failed;
                    j.Stage = "Failed";
                    j.Error = reason;
                });
            }
        }
    }

    /// <summary>Stores the job's final state (not cancellable: the outcome must be kept) and tells live pages.</summary>
    private async Task FinishAsync(Guid id, Action<Job> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var job = await db.Jobs.FirstAsync(j => j.Id == id, CancellationToken.None);
        change(job);
        var now = clock.GetUtcNow().UtcDateTime;
        job.UpdatedAt = now;
        if (job.State is JobState.Succeeded or JobState.Failed)
            job.FinishedAt ??= now;
        await db.SaveChangesAsync(CancellationToken.None);
        tracker.Ended(job);
    }

    private sealed class Progress(JobTracker tracker, Guid id, CancellationToken ct) : IProgress<JobProgress>
    {
        // Never on the caller's thread: the import reports from inside its own write transaction, and a save there would
        // wait for that very transaction.
        public void Report(JobProgress value) => _ = Task.Run(() => tracker.ReportAsync(id, value, ct), CancellationToken.None);
    }
}
