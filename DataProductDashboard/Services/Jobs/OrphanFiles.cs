using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Jobs;

/// <summary>At start, before any work runs: removes uploads a stopped process left in data/tmp, batch files that no
/// batch and no pending job references (a crash between writing the file and the commit), and inputs of jobs that
/// ended. While another instance shares the data folder, only files an hour old or older go: a newer one may be that
/// instance's upload or import on its way to its commit.</summary>
public sealed class OrphanFiles(IDbContextFactory<DashboardDbContext> dbFactory, ContentStore store, Operations.SingletonWork instances,
    TimeProvider clock, ILogger<OrphanFiles> logger)
{
    public static readonly TimeSpan KeepWhileOthersRun = TimeSpan.FromHours(1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        DateTime? writtenBefore = await instances.OthersAliveAsync(ct) ? clock.GetUtcNow().UtcDateTime - KeepWhileOthersRun : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Queued || j.State == JobState.Running)
            .Select(j => new { j.InputArea, j.InputHash }).ToListAsync(ct);
        var batchFiles = (await db.Batches.AsNoTracking().Select(b => b.FileHash).Distinct().ToListAsync(ct))
            .Concat(pending.Where(p => p.InputArea == ContentStore.Batches).Select(p => p.InputHash)).ToHashSet(StringComparer.Ordinal);
        var jobInputs = pending.Where(p => p.InputArea == ContentStore.JobInputs).Select(p => p.InputHash).ToHashSet(StringComparer.Ordinal);
        var removed = store.SweepTemp(writtenBefore) + await store.SweepAsync(ContentStore.Batches, batchFiles, writtenBefore, ct)
            + await store.SweepAsync(ContentStore.JobInputs, jobInputs, writtenBefore, ct);
        if (removed > 0)
            logger.LogWarning("Removed {Count} files that a stopped process left behind (uploads in progress, files of imports that never committed)", removed);
        return removed;
    }
}
