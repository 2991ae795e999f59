using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Products;

/// <summary>Archives a product (read-only, hidden from the portfolio by default), restores it, or deletes it with all
/// its data: every row that belongs to it, in one transaction, then the files nothing else references.</summary>
public sealed class ProductLifecycleService(IDbContextFactory<DashboardDbContext> dbFactory, ProductService products, ContentStore store, Trail.AuditTrail trail,
    Notifications.ProductEvents events, TimeProvider clock, ILogger<ProductLifecycleService> logger)
{
    /// <summary>Makes the product read-only and hides it from the portfolio; its open alerts are resolved (an archived
    /// product raises none).</summary>
    public async Task<ProductDetail> ArchiveAsync(int productId, Trail.Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireAsync(db, productId, ct);
        if (product.ArchivedAt is not null)
            throw new ConflictException($"Data product '{product.Name}' is already archived.");
        await RefuseWhileJobsRunAsync(db, product, "archive", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        product.ArchivedAt = now;
        var resolved = await db.Alerts.Where(a => a.ProductId == productId && a.State != AlertState.Resolved)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.State, AlertState.Resolved).SetProperty(x => x.ResolvedAt, now)
                .SetProperty(x => x.ResolvedBy, actor.Name).SetProperty(x => x.ResolutionNote, "The product was archived."), ct);
        trail.Record(db, productId, actor, TrailAction.ProductArchived, "product", "active", $"archived ({resolved} open alert(s) resolved)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Product {ProductId} '{Name}' archived by {Actor}; {Alerts} open alerts resolved", productId, product.Name, actor.Name, resolved);
        events.Publish(productId);
        return await products.GetAsync(productId, ct);
    }

    /// <summary>Brings an archived product back: writable and in the portfolio again.</summary>
    public async Task<ProductDetail> RestoreAsync(int productId, Trail.Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireAsync(db, productId, ct);
        if (product.ArchivedAt is not { } archivedAt)
            throw new ConflictException($"Data product '{product.Name}' is not archived.");
        product.ArchivedAt = null;
        trail.Record(db, productId, actor, TrailAction.ProductRestored, "product", $"archived since {archivedAt:yyyy-MM-dd HH:mm} UTC", "active");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Product {ProductId} '{Name}' restored from the archive by {Actor}", productId, product.Name, actor.Name);
        events.Publish(productId);
        return await products.GetAsync(productId, ct);
    }

    /// <summary>Deletes the product and everything that belongs to it. <paramref name="confirmName"/> must repeat its
    /// name exactly. Refused while one of its jobs is queued or running. API keys limited to it lose it (a key left
    /// with no product is revoked, never widened to all).</summary>
    public async Task<ProductDeletion> DeleteAsync(int productId, string? confirmName, Trail.Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireAsync(db, productId, ct);
        if (!string.Equals(confirmName, product.Name, StringComparison.Ordinal))
            throw new InputValidationException("confirm", string.IsNullOrEmpty(confirmName)
                ? $"Type the product's name, '{product.Name}', to confirm deleting it with all its data."
                : $"'{confirmName}' is not the product's name; type '{product.Name}' exactly to confirm deleting it with all its data.");
        await RefuseWhileJobsRunAsync(db, product, "delete", ct);

        var files = new List<(string Area, string Hash, string Extension)>();
        files.AddRange((await db.Batches.Where(b => b.ProductId == productId).Select(b => b.FileHash).Distinct().ToListAsync(ct))
            .Select(h => (ContentStore.Batches, h, ".csv")));
        var models = await db.ModelVersions.Where(v => v.ProductId == productId).Select(v => new { v.FileHash, v.ReferenceFileHash }).ToListAsync(ct);
        files.AddRange(models.Select(m => (ContentStore.Models, m.FileHash, ".zip")));
        files.AddRange(models.Where(m => m.ReferenceFileHash != null).Select(m => (ContentStore.Reference, m.ReferenceFileHash!, ".csv")));
        // What a version derives from its model file, named by the model's hash: its reference profile and, for a
        // regression trained in the app, its error models.
        files.AddRange(models.Select(m => (Audit.ReferenceProfileStore.Area, m.FileHash, ".json")));
        files.AddRange(models.SelectMany(m => new[] { m.FileHash, ModelCache.SquaredName(m.FileHash) }).Select(name => (ModelCache.ErrorModels, name, ".zip")));
        if (product.EvaluationSetHash is { } evaluationSet)
            files.Add((ContentStore.Reference, evaluationSet, ".csv"));
        files.AddRange((await db.Jobs.Where(j => j.ProductId == productId && j.InputArea == ContentStore.JobInputs).Select(j => j.InputHash).ToListAsync(ct))
            .Select(h => (ContentStore.JobInputs, h, ".csv")));

        var rows = new Dictionary<string, int>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var batchIds = db.Batches.Where(b => b.ProductId == productId).Select(b => b.Id);
            var kpiIds = db.Kpis.Where(k => k.ProductId == productId).Select(k => k.Id);
            var alertIds = db.Alerts.Where(a => a.ProductId == productId).Select(a => a.Id);
            rows["predictions"] = await db.Predictions.Where(p => p.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["shadow predictions"] = await db.ShadowPredictions.Where(p => batchIds.Contains(p.BatchId)).ExecuteDeleteAsync(ct);
            rows["batch statistics"] = await db.BatchStatistics.Where(s => batchIds.Contains(s.BatchId)).ExecuteDeleteAsync(ct);
            rows["reference samples"] = await db.ReferenceSamples.Where(s => batchIds.Contains(s.BatchId)).ExecuteDeleteAsync(ct);
            rows["KPI values"] = await db.KpiValues.Where(v => kpiIds.Contains(v.KpiId)).ExecuteDeleteAsync(ct);
            rows["KPIs"] = await db.Kpis.Where(k => k.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["metric points"] = await db.MetricPoints.Where(p => p.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["metric runs"] = await db.MetricRuns.Where(r => r.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["gate evaluations"] = await db.GateEvaluations.Where(e => e.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["notification outbox"] = await db.NotificationOutbox.Where(m => alertIds.Contains(m.AlertId)).ExecuteDeleteAsync(ct);
            rows["notification deliveries"] = await db.NotificationDeliveries.Where(d => d.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["alerts"] = await db.Alerts.Where(a => a.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["notification channels"] = await db.NotificationChannels.Where(c => c.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["gate rules"] = await db.GateRules.Where(r => r.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["release waivers"] = await db.ReleaseWaivers.Where(w => w.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["follow-ups"] = await db.FollowUps.Where(f => f.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["jobs"] = await db.Jobs.Where(j => j.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["batches"] = await db.Batches.Where(b => b.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["A/B tests"] = await db.Experiments.Where(e => e.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["audit trail entries"] = await db.AuditTrail.Where(e => e.ProductId == productId).ExecuteDeleteAsync(ct);
            rows["schema versions"] = await db.SchemaVersions.Where(v => v.ProductId == productId).ExecuteDeleteAsync(ct);
            await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(p => p.SetProperty(x => x.ChampionVersionId, (int?)null), ct);
            rows["model versions"] = await db.ModelVersions.Where(v => v.ProductId == productId).ExecuteDeleteAsync(ct);
            await db.Products.Where(p => p.Id == productId).ExecuteDeleteAsync(ct);
            rows["API keys revoked"] = await ForgetInApiKeysAsync(db, productId, actor, ct);
            await tx.CommitAsync(ct);
        }

        // Files are content-addressed: another product may hold the same file, so only unreferenced ones go.
        var removedFiles = 0;
        foreach (var group in files.Where(f => f.Hash.Length > 0).Distinct().GroupBy(f => f.Area))
        {
            var hashes = group.Select(f => f.Hash).ToList();
            var stillUsed = await StillReferencedAsync(db, group.Key, hashes, ct);
            foreach (var file in group.Where(f => !stillUsed.Contains(f.Hash)))
                removedFiles += await store.DeleteAsync(file.Area, file.Hash, file.Extension, ct) ? 1 : 0;
        }
        logger.LogWarning("Product {ProductId} '{Name}' deleted by {Actor} with {Rows} rows ({Detail}) and {Files} files",
            productId, product.Name, actor.Name, rows.Values.Sum(), string.Join(", ", rows.Where(r => r.Value > 0).Select(r => $"{r.Value} {r.Key}")), removedFiles);
        events.Publish(productId);
        return new ProductDeletion(productId, product.Name, rows.Where(r => r.Value > 0).ToDictionary(), removedFiles);
    }

    /// <summary>Keys limited to the product lose it; a key whose only product it was is revoked, never left to mean
    /// "every product".</summary>
    private async Task<int> ForgetInApiKeysAsync(DashboardDbContext db, int productId, Trail.Actor actor, CancellationToken ct)
    {
        var id = productId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keys = await db.ApiKeys.Where(k => k.ProductIds != null).ToListAsync(ct);
        var revoked = 0;
        foreach (var key in keys)
        {
            var ids = key.ProductIds!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!ids.Contains(id))
                continue;
            var rest = ids.Where(i => i != id).ToArray();
            if (rest.Length == 0)
            {
                key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
                key.RevokedBy ??= $"{actor.Name} (its only product was deleted)";
                revoked++;
                continue;
            }
            key.ProductIds = string.Join(',', rest);
        }
        await db.SaveChangesAsync(ct);
        return revoked;
    }

    private static async Task<HashSet<string>> StillReferencedAsync(DashboardDbContext db, string area, List<string> hashes, CancellationToken ct)
    {
        if (area == ModelCache.ErrorModels)
        {
            // Named by their model's hash, the squared-error model with "-squared" after it.
            var suffix = ModelCache.SquaredName("");
            var byModel = hashes.ToLookup(n => n.EndsWith(suffix, StringComparison.Ordinal) ? n[..^suffix.Length] : n);
            var modelHashes = byModel.Select(g => g.Key).ToList();
            var usedModels = await db.ModelVersions.Where(v => modelHashes.Contains(v.FileHash)).Select(v => v.FileHash).Distinct().ToListAsync(ct);
            return usedModels.SelectMany(hash => byModel[hash]).ToHashSet(StringComparer.Ordinal);
        }
        var used = area switch
        {
            ContentStore.Batches => db.Batches.Where(b => hashes.Contains(b.FileHash)).Select(b => b.FileHash)
                .Concat(db.Jobs.Where(j => j.InputArea == area && hashes.Contains(j.InputHash)).Select(j => j.InputHash)),
            ContentStore.Models or Audit.ReferenceProfileStore.Area => db.ModelVersions.Where(v => hashes.Contains(v.FileHash)).Select(v => v.FileHash),
            ContentStore.Reference => db.ModelVersions.Where(v => v.ReferenceFileHash != null && hashes.Contains(v.ReferenceFileHash)).Select(v => v.ReferenceFileHash!)
                .Concat(db.Products.Where(p => p.EvaluationSetHash != null && hashes.Contains(p.EvaluationSetHash)).Select(p => p.EvaluationSetHash!)),
            _ => db.Jobs.Where(j => j.InputArea == area && hashes.Contains(j.InputHash)).Select(j => j.InputHash),
        };
        return (await used.Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task RefuseWhileJobsRunAsync(DashboardDbContext db, DataProduct product, string verb, CancellationToken ct)
    {
        var running = await db.Jobs.AsNoTracking().Where(j => j.ProductId == product.Id && (j.State == JobState.Queued || j.State == JobState.Running))
            .Select(j => new { j.Id, j.Kind }).FirstOrDefaultAsync(ct);
        if (running is not null)
            throw new ConflictException($"A {running.Kind} job ({running.Id}) of '{product.Name}' is queued or running; wait for it to finish before you {verb} the product.");
    }

    private static async Task<DataProduct> RequireAsync(DashboardDbContext db, int productId, CancellationToken ct) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
}

/// <summary>What deleting a product removed: rows per kind (non-zero only) and files.</summary>
public sealed record ProductDeletion(int ProductId, string Name, IReadOnlyDictionary<string, int> Rows, int Files);
