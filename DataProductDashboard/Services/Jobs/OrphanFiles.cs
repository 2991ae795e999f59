using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Jobs;

/// <summary>At start, before any work runs: removes uploads a stopped process left in data/tmp, batch files that no
/// batch and no pending job references (a crash between writing the file and the commit), and inputs of jobs that
/// ended.</summary>
public sealed class OrphanFiles(IDbContextFactory<DashboardDbContext> dbFactory, ContentStore store, ILogger<OrphanFiles> logger)
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Queued || j.State == JobState.Running)
            .Select(j => new { j.InputArea, j.InputHash }).ToListAsync(ct);
        var batchFiles = (await db.Batches.AsNoTracking().Select(b => b.FileHash).Distinct().ToListAsync(ct))
            .Concat(pending.Where(p => p.InputArea == ContentStore.Batches).Select(p => p.InputHash)).ToHashSet(StringComparer.Ordinal);
        var jobInputs = pending.Where(p => p.InputArea == ContentStore.JobInputs).Select(p => p.InputHash).ToHashSet(StringComparer.Ordinal);
        var removed = store.SweepTemp() + store.Sweep(ContentStore.Batches, batchFiles) + store.Sweep(ContentStore.JobInputs, jobInputs);
        if (removed > 0)
            logger.LogWarning("Removed {Count} files that a stopped process left behind (uploads in progress, files of imports that never committed)", removed);
        return removed;
    }
}
