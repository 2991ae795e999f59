using DataProductDashboard.Data.Entities;

namespace DataProductDashboard.Services.Jobs;

/// <summary>Runs the jobs of one <see cref="Kind"/> from their stored input. A handler must be safe to run again
/// after a crash: its work commits all at once, and a job whose result was committed is not run twice (the handler
/// records the job's success in the same transaction, or recognises its own result).</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Weight of the job against the import memory budget, in bytes (usually twice its input's size).</summary>
    long MemoryWeight(Job job);

    Task<JobOutcome> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken ct);
}
