using System.Collections.Concurrent;

namespace DataProductDashboard.Services.Jobs;

/// <summary>In-memory status of background jobs (one app instance), kept for a day after they end.</summary>
public sealed class JobTracker(TimeProvider clock)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<Guid, JobStatus> _jobs = new();

    /// <summary>Raised after every change, with the new snapshot.</summary>
    public event Action<JobStatus>? Changed;

    public JobStatus Create(string kind, int productId, int rowsTotal)
    {
        Prune();
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new JobStatus(Guid.NewGuid(), kind, productId, JobState.Queued, "Queued", 0, rowsTotal, null, null, null, now, now);
        _jobs[job.Id] = job;
        Changed?.Invoke(job);
        return job;
    }

    public JobStatus? Get(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public IReadOnlyList<JobStatus> ForProduct(int productId) =>
        _jobs.Values.Where(j => j.ProductId == productId).OrderByDescending(j => j.CreatedAt).ToList();

    public void Update(Guid id, Func<JobStatus, JobStatus> change)
    {
        JobStatus updated;
        while (true)
        {
            if (!_jobs.TryGetValue(id, out var current))
                return;
            updated = change(current) with { UpdatedAt = clock.GetUtcNow().UtcDateTime };
            if (_jobs.TryUpdate(id, updated, current))
                break;
        }
        Changed?.Invoke(updated);
    }

    private void Prune()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        foreach (var (id, job) in _jobs)
        {
            if (job.State is JobState.Succeeded or JobState.Failed && job.UpdatedAt < cutoff)
                _jobs.TryRemove(id, out _);
        }
    }
}
