using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Products;

/// <summary>Applies each product's retention setting: a batch received more than <c>RetentionDays</c> ago loses its
/// row-level predictions and its uploaded file (once no kept batch shares the file); its metrics, gates, alerts and
/// KPI contributions stay, so every chart keeps its history. Run by <see cref="RetentionSweeper"/>.</summary>
public sealed class RetentionService(IDbContextFactory<DashboardDbContext> dbFactory, ContentStore store, Trail.AuditTrail trail,
    Notifications.ProductEvents events, TimeProvider clock, ILogger<RetentionService> logger)
{
    /// <summary>Purges every expired batch of every product; returns how many batches it purged.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.RetentionDays != null)
            .Select(p => new { p.Id, Days = p.RetentionDays!.Value }).ToListAsync(ct);
        var purged = 0;
        foreach (var product in products)
            purged += await PurgeProductAsync(product.Id, RetentionRule.Cutoff(now, product.Days), product.Days, now, ct);
        return purged;
    }

    private async Task<int> PurgeProductAsync(int productId, DateTime cutoff, int days, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.Batches.Where(b => b.ProductId == productId && b.RowsPurgedAt == null && b.UploadedAt < cutoff
                && b.Status == BatchStatus.Analyzed && !b.FollowUpPending)
            .Select(b => new { b.Id, b.FileHash, b.RowCount }).ToListAsync(ct);
        if (expired.Count == 0)
            return 0;
        var ids = expired.Select(b => b.Id).ToList();
        int predictions;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            predictions = await db.Predictions.Where(p => ids.Contains(p.BatchId)).ExecuteDeleteAsync(ct);
            await db.ShadowPredictions.Where(p => ids.Contains(p.BatchId)).ExecuteDeleteAsync(ct);
            await db.Batches.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(b => b.SetProperty(x => x.RowsPurgedAt, now), ct);
            trail.Record(db, productId, Trail.Actor.System, TrailAction.RetentionPurged, $"{expired.Count} batch(es) uploaded before {cutoff:yyyy-MM-dd HH:mm} UTC",
                $"{expired.Sum(b => (long)b.RowCount):N0} rows stored", $"predictions and files removed (retention {days} days); metrics kept");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var hashes = expired.Select(b => b.FileHash).Distinct().ToList();
        var kept = (await db.Batches.AsNoTracking().Where(b => hashes.Contains(b.FileHash) && b.RowsPurgedAt == null).Select(b => b.FileHash)
            .Concat(db.Jobs.AsNoTracking().Where(j => j.InputArea == ContentStore.Batches && hashes.Contains(j.InputHash)
                && (j.State == JobState.Queued || j.State == JobState.Running)).Select(j => j.InputHash))
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var files = 0;
        foreach (var hash in hashes.Where(h => !kept.Contains(h)))
            files += await store.DeleteAsync(ContentStore.Batches, hash, ".csv", ct) ? 1 : 0;
        logger.LogInformation("Retention of product {ProductId}: {Batches} batches older than {Days} days purged ({Predictions} predictions, {Files} files)",
            productId, expired.Count, days, predictions, files);
        events.Publish(productId);
        return expired.Count;
    }
}
