using System.Collections.Concurrent;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Background jobs: the database holds each job (state, progress, attempts, input), so its status reads the
/// same before and after a restart; the progress of jobs running in this process is also kept in memory, written to
/// the database at most once a second, and announced through <see cref="Changed"/> for live pages.</summary>
public sealed class JobTracker(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, ILogger<JobTracker> logger)
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);
    private const string StoringStage = "Storing";
    private readonly ConcurrentDictionary<Guid, (JobStatus Status, DateTime SavedAt)> _live = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ConcurrentDictionary<Guid, bool> _saving = new();

    /// <summary>Raised after every change of a job, with the new snapshot (jobs of other instances included, as their
    /// stored state, when <see cref="Operations.InstanceEventRelay"/> relays them).</summary>
    public event Action<JobStatus>? Changed;

    /// <summary>A job changed here in a way other instances should hear of: queued, started, its progress saved, ended.</summary>
    public event Action<Guid>? Published;

    /// <summary>Another instance changed job <paramref name="id"/>: its stored state is announced to this instance's
    /// pages (a job running here is announced live already).</summary>
    public async Task AnnounceStoredAsync(Guid id, CancellationToken ct)
    {
        if (_live.ContainsKey(id))
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is not null)
            Raise(ToStatus(job));
    }

    /// <summary>Stores a new queued job and wakes the runner.</summary>
    public async Task<JobStatus> EnqueueAsync(Job job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        job.Id = job.Id == Guid.Empty ? Guid.NewGuid() : job.Id;
        job.State = JobState.Queued;
        job.Stage = "Queued";
        job.CreatedAt = job.UpdatedAt = now;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await Products.ProductWrites.EnsureActiveAsync(db, job.ProductId, ct);
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        var status = ToStatus(job);
        logger.LogInformation("Queued {Kind} job {JobId} for product {ProductId} ({Rows} rows)", job.Kind, job.Id, job.ProductId, job.RowsTotal);
        Raise(status);
        Published?.Invoke(status.Id);
        _signal.Release();
        return status;
    }

    /// <summary>The job's current state: live progress when it runs here, else the stored state; null when unknown.</summary>
    public async Task<JobStatus?> GetAsync(Guid id, CancellationToken ct)
    {
        if (_live.TryGetValue(id, out var live))
            return live.Status;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? null : ToStatus(job);
    }

    /// <summary>The product of a job (for access checks); null when unknown.</summary>
    public async Task<int?> ProductOfAsync(Guid id, CancellationToken ct)
    {
        if (_live.TryGetValue(id, out var live))
            return live.Status.ProductId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.Where(j => j.Id == id).Select(j => (int?)j.ProductId).FirstOrDefaultAsync(ct);
    }

    /// <summary>A product's most recent jobs, newest first, with live progress where they run.</summary>
    public async Task<IReadOnlyList<JobStatus>> ForProductAsync(int productId, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.ProductId == productId)
            .OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(ct);
        return jobs.Select(j => _live.TryGetValue(j.Id, out var live) ? live.Status : ToStatus(j)).ToList();
    }

    /// <summary>Waits until a job is queued or <paramref name="timeout"/> passed.</summary>
    internal Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <summary>A job of this process started running (its stored row says so already).</summary>
    internal void Started(Job job)
    {
        var status = ToStatus(job);
        _live[job.Id] = (status, clock.GetUtcNow().UtcDateTime);
        Raise(status);
        Published?.Invoke(job.Id);
    }

    /// <summary>Progress of a running job: announced at once, saved at most once a second.</summary>
    internal async Task ReportAsync(Guid id, JobProgress progress, CancellationToken ct)
    {
        if (!_live.TryGetValue(id, out var live))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var status = live.Status with
        {
            Stage = progress.Stage, RowsDone = progress.RowsDone, RowsTotal = progress.RowsTotal > 0 ? progress.RowsTotal : live.Status.RowsTotal,
            Fraction = progress.Fraction, UpdatedAt = now,
        };
        // While an import stores its rows it holds the database's write lock: the stage is saved when it starts storing
        // is over (the commit itself marks the job done), so no save queues behind it.
        var save = (now - live.SavedAt >= SaveEvery || status.Stage != live.Status.Stage) && status.Stage != StoringStage;
        // Only over the snapshot read above: a report that runs late (on a pool thread) after the job ended must not
        // put the ended job back as running, which pages and the API would then show forever.
        if (!_live.TryUpdate(id, (status, save ? now : live.SavedAt), live))
            return;
        Raise(status);
        if (!save || !_saving.TryAdd(id, true))
            return;
        try
        {
            // Saved off the reporter's thread, one save per job at a time: an import reports its Storing progress from
            // inside its own write transaction, and Microsoft.Data.Sqlite waits for a locked store synchronously, so
            // saving on the reporter's thread blocked the import on its own lock for the whole busy timeout (30 s) at
            // every report. Now the save waits for the lock on a pool thread (and finds the job no longer running).
            await Task.Yield();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Jobs.Where(j => j.Id == id && j.State == JobState.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Stage, status.Stage).SetProperty(j => j.RowsDone, status.RowsDone)
                .SetProperty(j => j.RowsTotal, status.RowsTotal).SetProperty(j => j.UpdatedAt, now), ct);
            Published?.Invoke(id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Progress is a courtesy: the job's outcome is what must be stored.
            logger.LogDebug(ex, "Saving the progress of job {JobId} failed", id);
        }
        finally
        {
            _saving.TryRemove(id, out _);
        }
    }

    /// <summary>The job ended here: its final row is stored; live pages hear of it.</summary>
    internal void Ended(Job job)
    {
        _live.TryRemove(job.Id, out _);
        Raise(ToStatus(job));
        Published?.Invoke(job.Id);
    }

    public static JobStatus ToStatus(Job j) => new()
    {
        Id = j.Id, Kind = j.Kind, ProductId = j.ProductId, State = j.State, Stage = j.Stage, RowsDone = j.RowsDone, RowsTotal = j.RowsTotal,
        BatchId = j.BatchId, ModelVersion = j.ModelVersion, Error = j.Error, Attempts = j.Attempts, FileName = j.InputFileName,
        CreatedAt = j.CreatedAt, UpdatedAt = j.UpdatedAt, FinishedAt = j.FinishedAt,
        Fraction = j.State == JobState.Succeeded ? 1 : j.RowsTotal > 0 ? Math.Clamp((double)j.RowsDone / j.RowsTotal, 0, 1) : 0,
    };

    private void Raise(JobStatus status)
    {
        try
        {
            Changed?.Invoke(status);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A job-change handler failed");
        }
    }
}
