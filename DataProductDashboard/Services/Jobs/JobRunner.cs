using System.Collections.Concurrent;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Runs the stored jobs, oldest first, each once it gets an import slot (<see cref="ImportSlots"/>). Several
/// instances may run on one database: an instance claims a job with a lease (<see cref="DashboardOptions.JobLeaseSeconds"/>)
/// that its heartbeat renews while the job runs. A job whose lease ran out (its instance died or stopped mid-job) is
/// queued again by whichever instance sees it first (its input is stored and its work commits all at once, and a
/// batch names its job uniquely, so a rerun stores it once) or, after <see cref="DashboardOptions.JobMaxAttempts"/>
/// starts, marked failed with the reason. A failing job never stops the loop.</summary>
public sealed class JobRunner(
    IDbContextFactory<DashboardDbContext> dbFactory,
    JobTracker tracker,
    ImportSlots slots,
    IEnumerable<IJobHandler> handlers,
    IOptions<DashboardOptions> options,
    Operations.InstanceIdentity instance,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.JobLeaseSeconds);
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heartbeat = new CancellationTokenSource();
        var beating = HeartbeatAsync(heartbeat.Token);
        try
        {
            await RecoverAsync(stoppingToken);
            var recovered = clock.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                if (clock.GetUtcNow() - recovered >= Lease / 2)
                {
                    await RecoverAsync(stoppingToken);
                    recovered = clock.GetUtcNow();
                }
                var next = await NextQueuedAsync(stoppingToken);
                if (next is null)
                {
                    await tracker.WaitForWorkAsync(IdlePoll < Lease / 2 ? IdlePoll : Lease / 2, stoppingToken);
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
        await heartbeat.CancelAsync();
        await beating;
    }

    /// <summary>Renews the lease of every job running here, every third of the lease, until stopped.</summary>
    private async Task HeartbeatAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(Lease / 3, clock, ct);
                var running = _running.Keys.ToList();
                if (running.Count == 0)
                    continue;
                try
                {
                    var expires = clock.GetUtcNow().UtcDateTime + Lease;
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    var renewed = await db.Jobs.Where(j => running.Contains(j.Id) && j.State == JobState.Running && j.LeaseOwner == instance.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, expires), ct);
                    if (renewed < running.Count)
                        logger.LogWarning("{Lost} of {Running} jobs running here lost their lease to another instance", running.Count - renewed, running.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next beat tries again; the lease outlasts two missed beats.
                    logger.LogWarning(ex, "Renewing the leases of {Running} running jobs failed", running.Count);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Jobs whose instance stopped or died while they ran (their lease ran out, their process on this machine is
    /// gone, or they predate leases): queued again, or failed once they used up their attempts. A job running here is never taken back, however late its
    /// heartbeat (a long store can hold SQLite's write lock past the lease).</summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // A lease also ends with its process: an instance of this machine that is gone (killed, then restarted as this
        // one) gives its jobs back at once instead of after the lease.
        var interrupted = (await db.Jobs.Where(j => j.State == JobState.Running && j.LeaseOwner != instance.Id).ToListAsync(ct))
            .Where(j => j.LeaseExpiresAt is not { } expires || expires < now || j.LeaseOwner is null || Operations.InstanceIdentity.IsGoneFromThisMachine(j.LeaseOwner))
            .ToList();
        if (interrupted.Count == 0)
            return;
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
            logger.LogInformation("Job {JobId} was taken over from instance {Owner}, whose lease ran out at {Expired}", job.Id, job.LeaseOwner ?? "(none)", job.LeaseExpiresAt);
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
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

    /// <summary>Queued → Running with this instance's lease, one attempt more, in one statement (a job another instance
    /// claimed, or is claiming, is skipped).</summary>
    private async Task<Job?> ClaimAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await JobClaims.ClaimAsync(db, id, instance.Id, clock.GetUtcNow().UtcDateTime, Lease, ct);
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

    /// <summary>Stores the job's final state (not cancellable: the outcome must be kept) and tells live pages; a job
    /// another instance took over meanwhile (this one lost its lease) is left to that instance.</summary>
    private async Task FinishAsync(Guid id, Action<Job> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var job = await db.Jobs.FirstAsync(j => j.Id == id, CancellationToken.None);
        if (job.LeaseOwner != instance.Id)
        {
            logger.LogWarning("Job {JobId} ended here after instance {Owner} took it over; its outcome is that instance's", id, job.LeaseOwner ?? "(none)");
            tracker.Ended(job);
            return;
        }
        change(job);
        job.LeaseOwner = null;
        job.LeaseExpiresAt = null;
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
